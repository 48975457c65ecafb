/**
 * QR codes for bot links, as SVG (flyers, the simulator) and PNG (Telegram photos).
 * qrcode-generator computes the modules; the PNG is written here with node:zlib because a
 * grey-scale PNG is a few lines and spares an image library.
 */
import { crc32, deflateSync } from 'node:zlib';
import qrcode from 'qrcode-generator';

export function qrMatrix(text: string): boolean[][] {
  // Level M survives a crease or a coffee stain on a printed flyer.
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** A scalable SVG with a 4-module quiet zone, as the QR standard asks. */
export function qrSvg(text: string, title = 'QR code'): string {
  const m = qrMatrix(text);
  const size = m.length + 8;
  let path = '';
  for (const [y, row] of m.entries()) for (const [x, dark] of row.entries()) if (dark) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img"><title>${escapeXml(title)}</title><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

export function qrPng(text: string, scale = 8): Buffer {
  const m = qrMatrix(text);
  const modules = m.length + 8;
  const px = modules * scale;
  const raw = Buffer.alloc((px + 1) * px, 0xff);
  for (let y = 0; y < px; y++) {
    raw[y * (px + 1)] = 0; // filter byte: none
    const my = Math.floor(y / scale) - 4;
    for (let x = 0; x < px; x++) {
      const mx = Math.floor(x / scale) - 4;
      if (m[my]?.[mx]) raw[y * (px + 1) + 1 + x] = 0;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey-scale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
