// core/visit: deep-zoom viewport — fit/max zoom, focal zoom, bounded pan, animation, the IIIF
// tiles in view (the tile geometry itself is core/iiif)
#pragma once

#include "core/base/geometry2d.h"
#include "core/iiif/tile_geometry.h"

#include <vector>

namespace lantai::core {

// The tiles a viewport shows (ZoomViewport::visibleTiles).
struct VisibleTiles {
    int scaleFactor = 1;        // the level chosen for the current zoom
    std::vector<TileRef> tiles; // intersecting the view (plus margin), nearest the centre first
};

// ---- viewport ---------------------------------------------------------------------------------

struct ZoomViewportConfig {
    double maxZoom = 2.0;             // deepest zoom: screen pixels per full-resolution pixel
    double doubleTapZoomFactor = 3.0; // double tap at fit zooms to fit * this (capped at max)
    double animationRate = 12.0;      // 1/s: an animated zoom closes 1 - e^(-rate * dt) of the gap
};

// Zoom is screen pixels per full-resolution image pixel. All "view" coordinates are window
// pixels (the same space as the view rect and the gesture recognizer); "image" coordinates are
// full-resolution pixels. The zoom stays within [fit, max(fit, maxZoom)]; while the image is
// larger than the view on an axis it cannot leave the view on that axis, and while it is smaller
// it is centred on that axis.
//
// Immediate operations (panBy, zoomAbout, pinch) stop a running animation; animated ones move
// toward a target zoom about a focal point in update(dt), keeping the image point under the
// focal point fixed (as far as the pan bounds allow).
//
// Threading/ownership: a plain value type; not thread-safe. Never reads a clock (update takes
// the frame's dt in seconds).
class ZoomViewport {
  public:
    explicit ZoomViewport(ZoomViewportConfig config = {});

    // New image (full-resolution size): shown at fit, animation stopped.
    void setImageSize(int width, int height);
    // Where the viewer is on screen. Keeps the image point at the view centre and the zoom (still
    // at fit if it was at fit; clamped to the new limits).
    void setViewRect(const Rect& view);
    void resetToFit();

    double zoom() const { return m_zoom; }
    double fitZoom() const; // = minZoom
    double minZoom() const { return fitZoom(); }
    double maxZoom() const;
    bool atFit() const;
    // 0 at fit, 1 at max zoom, logarithmic in between (the kiosk's state JSON); 0 when fit == max.
    double zoomLevelFraction() const;
    // Image point shown at the centre of the view.
    Vec2 center() const { return m_center; }
    const Rect& viewRect() const { return m_view; }
    int imageWidth() const { return m_imageWidth; }
    int imageHeight() const { return m_imageHeight; }

    Vec2 viewToImage(Vec2 view) const;
    Vec2 imageToView(Vec2 image) const;
    // Where a full-resolution region lands on screen (the whole image: imageRectInView()).
    Rect regionInView(const Rect& imageRegion) const;
    Rect imageRectInView() const;
    // The part of the image inside the view, in full-resolution pixels (clipped to the image).
    Rect visibleImageRegion() const;

    // Drag: moves the image by (dx, dy) view pixels within the bounds. Returns the movement
    // actually applied (so an inertia scroller can stop on an axis that hit its bound).
    Vec2 panBy(Vec2 delta);
    // Multiplies the zoom by `factor` about a view point (that image point stays under it).
    void zoomAbout(double factor, Vec2 focal);
    void setZoomAbout(double zoom, Vec2 focal);
    // One Pinch gesture: `centerNow` is the fingers' midpoint now, `panDelta` its movement since
    // the previous event, `scaleDelta` the distance ratio since then. The image point that was
    // under the previous midpoint ends under the current one.
    void pinch(Vec2 centerNow, double scaleDelta, Vec2 panDelta);

    // Animated zoom to `targetZoom` (clamped) about a view point.
    void animateZoomTo(double targetZoom, Vec2 focal);
    // Multiplies the target (the current zoom when not animating): quick wheel notches add up.
    void animateZoomBy(double factor, Vec2 focal);
    void animateToFit();
    // Double tap: zoom in about the point when at (or near) fit, else back to fit.
    void animateDoubleTap(Vec2 focal);
    // Advances the animation by dt seconds; returns isAnimating() afterwards.
    bool update(double dt);
    bool isAnimating() const { return m_animating; }
    double targetZoom() const { return m_animating ? m_targetZoom : m_zoom; }
    void stopAnimation() { m_animating = false; }

    // The level for the current zoom and its tiles intersecting the view, grown by marginPx view
    // pixels on every side (prefetch). See chooseScaleFactor for maxTexelSize.
    VisibleTiles visibleTiles(const TilePyramid& pyramid, double marginPx = 0.0,
                              double maxTexelSize = 1.0) const;
    VisibleTiles visibleTiles(int tileSize, const std::vector<int>& scaleFactors,
                              double marginPx = 0.0, double maxTexelSize = 1.0) const;

  private:
    bool valid() const;
    double clampZoom(double z) const;
    void clampCenter();
    // Sets zoom to z (clamped) keeping image point `image` under view point `focal`.
    void placeAt(double z, Vec2 image, Vec2 focal);

    ZoomViewportConfig m_config;
    int m_imageWidth = 0;
    int m_imageHeight = 0;
    Rect m_view;
    double m_zoom = 1.0;
    Vec2 m_center;

    bool m_animating = false;
    double m_targetZoom = 1.0;
    Vec2 m_focalView;  // animation focal point on screen
    Vec2 m_focalImage; // the image point held under it
};

} // namespace lantai::core
