/** A4 landscape at 96 dpi: the certificate page's own size, so the frame shows it exactly as it prints, then scaled to fit. */
const PAGE_WIDTH = 1123;
const PAGE_HEIGHT = 794;

/**
 * Shows a certificate's HTML — the same document the PDF is printed from —
 * in a script-less frame, scaled down to `width` pixels.
 */
export function PreviewFrame({ html, width, title }: { html: string; width: number; title: string }) {
  const scale = width / PAGE_WIDTH;
  return (
    <div style={{ width, height: PAGE_HEIGHT * scale, overflow: 'hidden', border: '1px solid #d9d9d9', background: '#fff' }}>
      <iframe
        title={title}
        sandbox=""
        srcDoc={html}
        style={{ width: PAGE_WIDTH, height: PAGE_HEIGHT, border: 0, transform: `scale(${scale})`, transformOrigin: '0 0' }}
      />
    </div>
  );
}
