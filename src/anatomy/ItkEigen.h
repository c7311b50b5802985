#pragma once
/// Include first in any file that uses ITK. Our geometry uses the system Eigen 3.4; ITK 5.2's
/// headers pull in its bundled Eigen 3.3 modules, which do not compile once Eigen 3.4's core is
/// in (EIGEN_USING_STD_MATH is gone). Including the system modules first makes ITK use them: the
/// include guards are the same.
#include <Eigen/Dense>
