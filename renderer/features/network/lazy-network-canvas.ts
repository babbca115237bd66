import { createElement, lazy, useState, type ComponentType, type ReactElement } from 'react';
import type { NetworkCanvasProps } from './NetworkCanvas';

type Canvas = ComponentType<NetworkCanvasProps>;

// Cytoscape is most of the bundle: kept out of the first paint, but fetched as soon as the app has
// started, while the case is still being read from IndexedDB, rather than after it.
let loaded: Canvas | undefined;
const canvasModule = import('./NetworkCanvas').then((module) => {
  loaded = module.NetworkCanvas;
  return module;
});
const LazyCanvas = lazy(() => canvasModule.then((module) => ({ default: module.NetworkCanvas })));

/**
 * The Cytoscape drawing, loaded apart from the app's first chunk (shared by the overview and the
 * full view). Once the chunk is in, the component is used directly: a lazy one suspends on its
 * first render even then, and React holds a revealed Suspense boundary back for up to 300 ms.
 * Chosen once per mount, so the canvas is never swapped (and Cytoscape rebuilt) under the view.
 */
export function NetworkCanvas(props: NetworkCanvasProps): ReactElement {
  const [Component] = useState<Canvas>(() => loaded ?? LazyCanvas);
  return createElement(Component, props);
}
