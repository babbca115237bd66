import { useEffect, useState } from 'react';
import type { ReportContent } from '../../../shared/report';
import { loadAttachmentBytes, type VigiaDatabase } from '../../db';

/**
 * The photos of the report's person sheets as object URLs, by attachment id, once every one has
 * been read and decoded (undefined until then: the page is not ready to print before). The URLs
 * are revoked when the page goes.
 */
export function useSheetPhotos(db: VigiaDatabase, content: ReportContent | undefined): ReadonlyMap<string, string> | undefined {
  const [photos, setPhotos] = useState<{ content: ReportContent; urls: Map<string, string> }>();
  useEffect(() => {
    if (!content) return;
    let live = true;
    const urls = new Map<string, string>();
    void (async () => {
      for (const person of content.people) {
        if (!person.photo) continue;
        const stored = await loadAttachmentBytes(db, person.photo.sha256).catch(() => undefined);
        if (!stored) continue;
        const url = URL.createObjectURL(new Blob([stored], { type: person.photo.mimeType }));
        urls.set(person.photo.attachmentId, url);
        // A photo that does not decode is left out rather than printed broken.
        const image = new Image();
        image.src = url;
        await image.decode().catch(() => {
          URL.revokeObjectURL(url);
          urls.delete(person.photo!.attachmentId);
        });
      }
      if (live) setPhotos({ content, urls });
    })();
    return () => {
      live = false;
      for (const url of urls.values()) URL.revokeObjectURL(url);
    };
  }, [db, content]);
  return photos && photos.content === content ? photos.urls : undefined;
}
