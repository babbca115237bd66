/** The timeline's fixed geometry, in CSS pixels: one place so the axis, the lanes and the tests agree. */
export const LANE_HEIGHT = 28;
/** The names column on the left of the lanes (and the date readout left of the axis). */
export const LABEL_WIDTH = 180;
export const AXIS_HEIGHT = 36;
/** Lanes rendered above and below the viewport, so scrolling does not show blank rows. */
export const OVERSCAN = 6;
/** Until the browser has laid the view out (and in tests, where nothing is laid out). */
export const FALLBACK_WIDTH = 900;
export const FALLBACK_HEIGHT = 480;
