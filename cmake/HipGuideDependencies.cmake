# Third-party packages, all from Debian 12. Qt 5 must never be linked: VTK and OpenCV are
# asked for explicit non-Qt components (see docs/architecture.md, "Qt 5 never enters").
find_package(Threads REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(spdlog REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(ZLIB REQUIRED)

find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc video videoio imgcodecs)

find_package(VTK 9 REQUIRED COMPONENTS
  CommonCore CommonDataModel CommonExecutionModel CommonTransforms CommonMath
  FiltersCore FiltersGeneral FiltersModeling FiltersSources FiltersGeometry
  ImagingCore ImagingGeneral IOGeometry IOXML IOImage
  RenderingCore RenderingOpenGL2 RenderingFreeType RenderingAnnotation InteractionStyle
  InteractionWidgets)

find_package(ITK 5 REQUIRED COMPONENTS
  ITKCommon ITKIOImageBase ITKIONIFTI ITKIONRRD ITKIOMeta ITKImageGrid ITKImageIntensity
  ITKDistanceMap ITKThresholding ITKSmoothing ITKImageFilterBase ITKImageFunction ITKLabelMap
  ITKMathematicalMorphology ITKBinaryMathematicalMorphology)
# ITK's bundled Eigen 3.3 puts include/ITK-5.2/itkeigen on the include path, where its
# <Eigen/...> would shadow the system Eigen 3.4 that our own headers use. ITK's headers reach
# their copy as <itkeigen/Eigen/...> through include/ITK-5.2, so the extra path can go.
if(TARGET ITKInternalEigen3::Eigen)
  set_target_properties(ITKInternalEigen3::Eigen PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "")
endif()
# ITK is used through this interface target only, privately, so its heavy headers stay out
# of HipGuide's public headers; its includes are SYSTEM so its warnings are not ours.
add_library(hipguide_itk INTERFACE)
target_include_directories(hipguide_itk SYSTEM INTERFACE ${ITK_INCLUDE_DIRS})
target_link_libraries(hipguide_itk INTERFACE ${ITK_LIBRARIES})

# Debian's OpenIGTLink has no imported target and must not be used via its USE_FILE.
find_package(OpenIGTLink REQUIRED NO_MODULE)
add_library(hipguide_openigtlink INTERFACE)
target_include_directories(hipguide_openigtlink SYSTEM INTERFACE ${OpenIGTLink_INCLUDE_DIRS})
target_link_libraries(hipguide_openigtlink INTERFACE ${OpenIGTLink_LIBRARIES})

find_package(Qt6 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Sql Test)
