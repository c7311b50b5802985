# hipguide_add_layer(NAME <layer> [DEPENDS <layers>...] [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
#
# One static library per architectural layer, built from src/<layer>/*.cpp, with its public
# headers in include/hipguide/<layer>/. DEPENDS names the lower HipGuide layers it may use;
# the allowed edges are checked against docs/architecture.md's table (HIPGUIDE_LAYER_RULES).
set(HIPGUIDE_LAYER_RULES
    "core:"
    "anatomy:core"
    "acquisition:core,anatomy"
    "tracking:core"
    "session:core,acquisition"
    "guidance:core,tracking,anatomy"
    "records:core"
    "training:core,anatomy,acquisition,tracking,guidance,session,records"
    "procedure:core,anatomy,acquisition,tracking,guidance,session,records,training"
    "render:core,anatomy,guidance"
    "app:core,anatomy,acquisition,tracking,guidance,session,records,training,procedure,render")

function(_hipguide_allowed_deps layer out)
  foreach(rule IN LISTS HIPGUIDE_LAYER_RULES)
    string(REPLACE ":" ";" parts "${rule}")
    list(GET parts 0 name)
    if(name STREQUAL layer)
      string(REGEX REPLACE "^[^:]*:" "" allowed "${rule}")
      string(REPLACE "," ";" allowed "${allowed}")
      set(${out} "${allowed}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "Layer '${layer}' is not in HIPGUIDE_LAYER_RULES (cmake/HipGuideLayer.cmake)")
endfunction()

function(hipguide_add_layer)
  cmake_parse_arguments(ARG "" "NAME" "DEPENDS;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  _hipguide_allowed_deps(${ARG_NAME} allowed)
  foreach(dep IN LISTS ARG_DEPENDS)
    if(NOT dep IN_LIST allowed)
      message(FATAL_ERROR "Layer '${ARG_NAME}' may not depend on '${dep}' (allowed: ${allowed}); see docs/architecture.md")
    endif()
  endforeach()

  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  file(GLOB headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/hipguide/${ARG_NAME}/*.h
       ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  set(target hipguide_${ARG_NAME})
  list(TRANSFORM ARG_DEPENDS PREPEND hipguide:: OUTPUT_VARIABLE layer_targets)
  if(NOT sources)
    # A layer with no code yet is an interface library so that the graph stays complete.
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/include)
    target_link_libraries(${target} INTERFACE ${layer_targets} ${ARG_PUBLIC_LIBS})
    add_library(hipguide::${ARG_NAME} ALIAS ${target})
    return()
  endif()
  add_library(${target} STATIC ${sources} ${headers})
  add_library(hipguide::${ARG_NAME} ALIAS ${target})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                       PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${target} PUBLIC ${layer_targets} ${ARG_PUBLIC_LIBS}
                                  PRIVATE ${ARG_PRIVATE_LIBS} hipguide_warnings)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
