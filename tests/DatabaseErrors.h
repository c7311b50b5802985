#pragma once
/// Helpers for tests of database error cases: the file's bytes (to prove it was not changed)
/// and the DatabaseError message of a call.

#include <hipguide/records/Database.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hipguide::test {

/// The whole file as bytes.
inline std::string fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// The records::DatabaseError message of `call` ("" when it does not throw).
template <typename Call>
std::string databaseErrorOf(Call call) {
  try {
    call();
  } catch (const records::DatabaseError& error) {
    return error.what();
  }
  return {};
}

}  // namespace hipguide::test
