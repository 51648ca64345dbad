() => {
  // Text under WCAG AA as the reader sees it: its colour after every opacity above it, against
  // the first opaque background behind it. Returns one line per text: its start and contrast.
  // Charts, hidden and disabled text, and a slider's value (drawn above its thumb, which is
  // not its background) are left to axe-core.
  const SKIP = "svg, [aria-hidden=true], [disabled], [data-testid=stSliderThumbValue]";
  const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = c => 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el || seen.has(el) || el.closest(SKIP)) continue;
    seen.add(el);
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    let alpha = 1, bg = null;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      alpha *= Number(s.opacity);
      if (!bg) { const b = parse(s.backgroundColor); if (b[3] > 0.5) bg = b; }
    }
    if (alpha === 0) continue;  // hidden until hovered (a slider's ends)
    bg = bg || [255, 255, 255, 1];
    const fg = parse(style.color);
    const a = alpha * fg[3];
    const seenColour = [0, 1, 2].map(i => a * fg[i] + (1 - a) * bg[i]);
    const [hi, lo] = [lum(seenColour), lum(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) found.push(`${text.slice(0, 50)}: ${ratio.toFixed(2)}:1`);
  }
  return found;
}
