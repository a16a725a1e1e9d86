// core/visit: deep-zoom viewport maths (ZoomViewport) and the IIIF tiles in view
#include "core/visit/zoom_viewport.h"

#include <algorithm>
#include <cmath>

namespace lantai::core {

ZoomViewport::ZoomViewport(ZoomViewportConfig config) : m_config(config) {}

bool ZoomViewport::valid() const {
    return m_imageWidth > 0 && m_imageHeight > 0 && !m_view.empty();
}

double ZoomViewport::fitZoom() const {
    if (!valid()) return 1.0;
    return std::min(m_view.w / m_imageWidth, m_view.h / m_imageHeight);
}

double ZoomViewport::maxZoom() const {
    return std::max(fitZoom(), m_config.maxZoom);
}

bool ZoomViewport::atFit() const {
    return m_zoom <= fitZoom() * (1.0 + 1e-9);
}

double ZoomViewport::zoomLevelFraction() const {
    const double lo = fitZoom();
    const double hi = maxZoom();
    if (!(hi > lo * (1.0 + 1e-12))) return 0.0;
    return std::clamp(std::log(m_zoom / lo) / std::log(hi / lo), 0.0, 1.0);
}

double ZoomViewport::clampZoom(double z) const {
    if (!(z > 0.0)) return fitZoom(); // NaN, 0, negative
    return std::clamp(z, fitZoom(), maxZoom());
}

void ZoomViewport::clampCenter() {
    auto axis = [this](double c, double imageExtent, double viewExtent) {
        const double shown = imageExtent * m_zoom;
        if (shown <= viewExtent) return imageExtent * 0.5;
        const double half = viewExtent / (2.0 * m_zoom);
        return std::clamp(c, half, imageExtent - half);
    };
    if (!valid()) {
        m_center = {m_imageWidth * 0.5, m_imageHeight * 0.5};
        return;
    }
    m_center.x = axis(m_center.x, m_imageWidth, m_view.w);
    m_center.y = axis(m_center.y, m_imageHeight, m_view.h);
}

void ZoomViewport::placeAt(double z, Vec2 image, Vec2 focal) {
    m_zoom = clampZoom(z);
    m_center = image - (focal - m_view.center()) / m_zoom;
    clampCenter();
}

void ZoomViewport::setImageSize(int width, int height) {
    m_imageWidth = std::max(0, width);
    m_imageHeight = std::max(0, height);
    resetToFit();
}

void ZoomViewport::setViewRect(const Rect& view) {
    if (view == m_view) return;
    const bool wasFit = !valid() || atFit();
    m_view = view;
    m_animating = false;
    m_zoom = wasFit ? fitZoom() : clampZoom(m_zoom);
    clampCenter();
}

void ZoomViewport::resetToFit() {
    m_animating = false;
    m_zoom = fitZoom();
    m_center = {m_imageWidth * 0.5, m_imageHeight * 0.5};
}

Vec2 ZoomViewport::viewToImage(Vec2 view) const {
    return (view - m_view.center()) / m_zoom + m_center;
}

Vec2 ZoomViewport::imageToView(Vec2 image) const {
    return (image - m_center) * m_zoom + m_view.center();
}

Rect ZoomViewport::regionInView(const Rect& imageRegion) const {
    const Vec2 topLeft = imageToView({imageRegion.x, imageRegion.y});
    return {topLeft.x, topLeft.y, imageRegion.w * m_zoom, imageRegion.h * m_zoom};
}

Rect ZoomViewport::imageRectInView() const {
    return regionInView({0, 0, double(m_imageWidth), double(m_imageHeight)});
}

Rect ZoomViewport::visibleImageRegion() const {
    if (!valid()) return {};
    const Vec2 topLeft = viewToImage({m_view.x, m_view.y});
    return intersect({topLeft.x, topLeft.y, m_view.w / m_zoom, m_view.h / m_zoom},
                     {0, 0, double(m_imageWidth), double(m_imageHeight)});
}

Vec2 ZoomViewport::panBy(Vec2 delta) {
    m_animating = false;
    const Vec2 before = m_center;
    m_center = m_center - delta / m_zoom;
    clampCenter();
    return (before - m_center) * m_zoom;
}

void ZoomViewport::zoomAbout(double factor, Vec2 focal) {
    m_animating = false;
    placeAt(m_zoom * factor, viewToImage(focal), focal);
}

void ZoomViewport::setZoomAbout(double zoom, Vec2 focal) {
    m_animating = false;
    placeAt(zoom, viewToImage(focal), focal);
}

void ZoomViewport::pinch(Vec2 centerNow, double scaleDelta, Vec2 panDelta) {
    m_animating = false;
    placeAt(m_zoom * scaleDelta, viewToImage(centerNow - panDelta), centerNow);
}

void ZoomViewport::animateZoomTo(double targetZoom, Vec2 focal) {
    m_targetZoom = clampZoom(targetZoom);
    m_focalView = focal;
    m_focalImage = viewToImage(focal);
    m_animating = true;
    // Nothing to animate (already there, e.g. a wheel notch at max zoom): settle at once.
    if (std::abs(std::log(m_targetZoom / m_zoom)) < 1e-9) update(1.0e9);
}

void ZoomViewport::animateZoomBy(double factor, Vec2 focal) {
    animateZoomTo((m_animating ? m_targetZoom : m_zoom) * factor, focal);
}

void ZoomViewport::animateToFit() {
    animateZoomTo(fitZoom(), m_view.center());
}

void ZoomViewport::animateDoubleTap(Vec2 focal) {
    if (m_zoom < fitZoom() * 1.05) {
        animateZoomTo(fitZoom() * m_config.doubleTapZoomFactor, focal);
    } else {
        animateToFit();
    }
}

bool ZoomViewport::update(double dt) {
    if (!m_animating) return false;
    if (!(dt > 0.0)) return true;
    const double from = std::log(m_zoom);
    const double to = std::log(m_targetZoom);
    double next = from + (to - from) * (1.0 - std::exp(-m_config.animationRate * dt));
    if (std::abs(to - next) < 1e-3) {
        next = to;
        m_animating = false;
    }
    placeAt(next == to ? m_targetZoom : std::exp(next), m_focalImage, m_focalView);
    return m_animating;
}

VisibleTiles ZoomViewport::visibleTiles(const TilePyramid& pyramid, double marginPx,
                                        double maxTexelSize) const {
    VisibleTiles out;
    out.scaleFactor = chooseScaleFactor(pyramid.scaleFactors, m_zoom, maxTexelSize);
    if (!valid()) return out;
    const double margin = std::max(0.0, marginPx);
    const Vec2 topLeft = viewToImage({m_view.x - margin, m_view.y - margin});
    const Rect region{topLeft.x, topLeft.y, (m_view.w + 2 * margin) / m_zoom,
                      (m_view.h + 2 * margin) / m_zoom};
    out.tiles = tilesInRegion(pyramid, out.scaleFactor, region);
    // Load order: nearest the view centre first (row-major among equals).
    const Vec2 c = m_center;
    auto distance = [c](const TileRef& t) {
        const Vec2 d = t.region().center() - c;
        return d.x * d.x + d.y * d.y;
    };
    std::stable_sort(out.tiles.begin(), out.tiles.end(),
                     [&](const TileRef& a, const TileRef& b) { return distance(a) < distance(b); });
    return out;
}

VisibleTiles ZoomViewport::visibleTiles(int tileSize, const std::vector<int>& scaleFactors,
                                        double marginPx, double maxTexelSize) const {
    return visibleTiles(TilePyramid{m_imageWidth, m_imageHeight, tileSize, scaleFactors}, marginPx,
                        maxTexelSize);
}

} // namespace lantai::core
