import sharp from 'sharp';

/** The app's icon: a picture frame holding a sun over hills, drawn in SVG so one source serves every size. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" rx="96" fill="#1d2a3a"/>
<rect x="72" y="104" width="368" height="304" rx="20" fill="#f4efe6"/>
<rect x="100" y="132" width="312" height="248" rx="8" fill="#8cc7e8"/>
<circle cx="330" cy="200" r="36" fill="#ffd35a"/>
<path d="M100 380 L200 250 L270 330 L320 280 L412 380 Z" fill="#3f7d4e"/>
</svg>
`;

export const ICON_SIZES = [192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

const rendered = new Map<IconSize, Promise<Buffer>>();

/** PNG icons for the manifest (home screens want PNG), rendered from the SVG once per process. */
export function iconPng(size: IconSize): Promise<Buffer> {
  let png = rendered.get(size);
  if (!png) {
    png = sharp(Buffer.from(ICON_SVG), { density: 72 * (size / 512) * 4 })
      .resize(size, size)
      .png()
      .toBuffer();
    rendered.set(size, png);
    png.catch(() => rendered.delete(size));
  }
  return png;
}

/** The web app manifest: installable, opening on the library, icons in both formats. */
export function webAppManifest(): Record<string, unknown> {
  return {
    name: 'Photo Frame',
    short_name: 'Photo Frame',
    description: 'Your photo library and the frames that show it',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#10161f',
    theme_color: '#1d2a3a',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ...ICON_SIZES.map((size) => ({
        src: `/icon-${size}.png`,
        sizes: `${size}x${size}`,
        type: 'image/png',
      })),
    ],
  };
}
