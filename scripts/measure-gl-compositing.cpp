/// Measures what a QOpenGLWidget costs the rest of a window under Xvfb: a 640×480 grey image
/// is repainted 30 times a second in a raster widget next to (raster) a plain widget, (gl) a
/// QOpenGLWidget, or (win) a QOpenGLWindow in a window container. Prints paints per second;
/// wrap it in /usr/bin/time for the CPU it took. docs/architecture.md has the figures.
///   g++ -O2 -std=c++17 -fPIC scripts/measure-gl-compositing.cpp -o /tmp/gl-compositing \
///       $(pkg-config --cflags --libs Qt6Widgets Qt6OpenGLWidgets Qt6OpenGL)
///   /usr/bin/time -f '%U s user' xvfb-run -a -s '-screen 0 1600x1000x24' /tmp/gl-compositing gl
#include <QApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QOpenGLWidget>
#include <QOpenGLWindow>
#include <QPainter>
#include <QTimer>

#include <cstdio>
#include <string>

namespace {

/// The 2D view's paint in miniature: a scaled grey image, counted.
struct ImageWidget : QWidget {
  QImage image{640, 480, QImage::Format_Grayscale8};
  int painted = 0;
  void paintEvent(QPaintEvent*) override {
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(rect(), image);
    ++painted;
  }
};

QWidget* neighbour(const std::string& kind) {
  if (kind == "gl") return new QOpenGLWidget;
  if (kind == "win") return QWidget::createWindowContainer(new QOpenGLWindow);
  return new QWidget;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  const std::string kind = argc > 1 ? argv[1] : "raster";
  QWidget window;
  auto* layout = new QHBoxLayout(&window);
  auto* view = new ImageWidget;
  layout->addWidget(view, 2);
  layout->addWidget(neighbour(kind), 1);
  window.resize(1500, 900);
  window.show();
  QTimer frames;
  int frame = 0;
  QObject::connect(&frames, &QTimer::timeout, [&] {
    view->image.fill(frame++ % 255);
    view->update();
  });
  frames.start(33);
  QElapsedTimer clock;
  QTimer::singleShot(2000, [&] {  // after start-up
    view->painted = 0;
    clock.start();
  });
  QTimer::singleShot(12000, [&] {
    std::printf("%s: %.1f paints/s\n", kind.c_str(), view->painted / (clock.elapsed() / 1000.0));
    app.quit();
  });
  return app.exec();
}
