/**
 * Rasterises a standalone SVG document into PNG bytes, through an image and a canvas (the page's CSP
 * allows blob: images). Scaled by `pixelRatio` so names stay sharp when printed.
 */
export async function svgToPng(svg: string, width: number, height: number, pixelRatio = 2): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    // Browsers refuse canvases much above 16k pixels a side: large pictures are drawn at 1×.
    const ratio = Math.max(1, Math.min(pixelRatio, Math.floor(16_000 / Math.max(width, height))));
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.scale(ratio, ratio);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas gave no PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
