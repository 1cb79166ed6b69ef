'use client';

import { useEffect } from 'react';

/**
 * Inside the merchant's iframe: reports the page's height so the frame fits
 * its content, and, once paid, asks the merchant's page (embed.js) to go to
 * return_url. Outside a frame it simply navigates.
 */
export function EmbeddedBridge({ completedUrl }: { completedUrl?: string | null }) {
  useEffect(() => {
    const framed = window.parent !== window;
    if (completedUrl) {
      if (framed) window.parent.postMessage({ type: 'caisse:complete', url: completedUrl }, '*');
      else window.location.assign(completedUrl);
      return;
    }
    if (!framed) return;
    const report = () => {
      window.parent.postMessage({ type: 'caisse:resize', height: document.documentElement.scrollHeight }, '*');
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => {
      observer.disconnect();
    };
  }, [completedUrl]);
  return null;
}
