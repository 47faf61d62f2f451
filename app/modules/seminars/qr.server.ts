import QRCode from "qrcode";

/**
 * A QR code as an SVG path, drawn on the server: the page embeds it inline (no image fetched, nothing from
 * outside, no inline style: the CSP stays strict). One "h1v1h-1z" square per dark module, on a 4-module margin.
 */
export function qrPath(text: string) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const margin = 4;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (qr.modules.get(y, x)) d += `M${x + margin} ${y + margin}h1v1h-1z`;
    }
  }
  return { d, size: size + margin * 2 };
}
