import type { PreviewDevice } from '../frame-api-types';

/** A dimension as the APL document writes it: dp, or a share of the viewport ('18vw', '5vh'). */
export type AplDimension = number | `${number}vw` | `${number}vh`;

export interface AplResourceBlock {
  when?: (vp: AplViewport) => boolean;
  dimensions: Partial<Record<AplDimensionName, AplDimension>>;
  strings?: Partial<Record<'captionTextAlign' | 'badgeAlign', string>>;
}

export type AplDimensionName =
  | 'captionFontSize'
  | 'captionInsetSide'
  | 'captionInsetBottom'
  | 'captionScrimRise'
  | 'badgeSize'
  | 'badgeInsetTop'
  | 'badgeInsetSide'
  | 'badgeBarWidth'
  | 'badgeBarHeight'
  | 'badgeBarGap';

/** The viewport as APL documents see it: dp (pixels × 160 / dpi), shape and mode. */
export interface AplViewport {
  width: number;
  height: number;
  shape: 'round' | 'rectangle';
  mode: 'hub' | 'tv';
}

/**
 * The resource blocks of skill-package/response/display/PhotoSlideshow/document.json, in the same order with the
 * same conditions (later matching blocks win). A test compares this table with the document.
 */
export const APL_RESOURCE_BLOCKS: readonly AplResourceBlock[] = [
  {
    dimensions: {
      captionFontSize: 24,
      captionInsetSide: 40,
      captionInsetBottom: 28,
      captionScrimRise: 72,
      badgeSize: 56,
      badgeInsetTop: 24,
      badgeInsetSide: 24,
      badgeBarWidth: 8,
      badgeBarHeight: 24,
      badgeBarGap: 8,
    },
    strings: { captionTextAlign: 'start', badgeAlign: 'end' },
  },
  {
    when: (vp) => vp.height < 600,
    dimensions: {
      captionFontSize: 20,
      captionInsetSide: 32,
      captionInsetBottom: 20,
      captionScrimRise: 56,
      badgeSize: 48,
      badgeInsetTop: 20,
      badgeInsetSide: 20,
      badgeBarWidth: 7,
      badgeBarHeight: 20,
      badgeBarGap: 7,
    },
  },
  {
    when: (vp) => vp.width >= 1280 && vp.height >= 800,
    dimensions: {
      captionFontSize: 28,
      captionInsetSide: 56,
      captionInsetBottom: 40,
      captionScrimRise: 96,
      badgeSize: 64,
      badgeInsetTop: 32,
      badgeInsetSide: 32,
      badgeBarWidth: 9,
      badgeBarHeight: 28,
      badgeBarGap: 9,
    },
  },
  {
    when: (vp) => vp.width >= 1920 && vp.height >= 1080,
    dimensions: {
      captionFontSize: 36,
      captionInsetSide: 80,
      captionInsetBottom: 56,
      captionScrimRise: 128,
      badgeSize: 88,
      badgeInsetTop: 48,
      badgeInsetSide: 48,
      badgeBarWidth: 12,
      badgeBarHeight: 38,
      badgeBarGap: 12,
    },
  },
  {
    when: (vp) => vp.height > vp.width,
    dimensions: {
      captionFontSize: 36,
      captionInsetSide: 64,
      captionInsetBottom: 96,
      captionScrimRise: 160,
      badgeSize: 88,
      badgeInsetTop: 64,
      badgeInsetSide: 48,
      badgeBarWidth: 12,
      badgeBarHeight: 38,
      badgeBarGap: 12,
    },
  },
  {
    when: (vp) => vp.shape === 'round',
    dimensions: {
      captionFontSize: 20,
      captionInsetSide: '18vw',
      captionInsetBottom: '12vh',
      captionScrimRise: 64,
      badgeSize: 44,
      badgeInsetTop: '9vh',
      badgeInsetSide: 0,
      badgeBarWidth: 6,
      badgeBarHeight: 18,
      badgeBarGap: 6,
    },
    strings: { captionTextAlign: 'center', badgeAlign: 'center' },
  },
  {
    when: (vp) => vp.mode === 'tv',
    dimensions: {
      captionFontSize: 24,
      captionInsetSide: '5vw',
      captionInsetBottom: '5vh',
      captionScrimRise: 72,
      badgeSize: 48,
      badgeInsetTop: '5vh',
      badgeInsetSide: '5vw',
      badgeBarWidth: 7,
      badgeBarHeight: 20,
      badgeBarGap: 7,
    },
    strings: { captionTextAlign: 'start', badgeAlign: 'end' },
  },
];

/** Every size the slideshow document uses on this device, in screen pixels, and its two alignments. */
export interface AplLayout {
  px: Record<AplDimensionName, number>;
  captionTextAlign: string;
  badgeAlign: string;
}

export function aplViewportOf(device: PreviewDevice): AplViewport {
  return {
    width: (device.width * 160) / device.dpi,
    height: (device.height * 160) / device.dpi,
    shape: device.shape === 'ROUND' ? 'round' : 'rectangle',
    mode: device.mode === 'TV' ? 'tv' : 'hub',
  };
}

/** Applies the blocks as APL does (each matching block overrides the earlier ones), then converts dp to pixels. */
export function aplLayoutFor(device: PreviewDevice): AplLayout {
  const vp = aplViewportOf(device);
  const dims: Partial<Record<AplDimensionName, AplDimension>> = {};
  const strings: Record<string, string> = {};
  for (const block of APL_RESOURCE_BLOCKS) {
    if (block.when && !block.when(vp)) continue;
    Object.assign(dims, block.dimensions);
    Object.assign(strings, block.strings ?? {});
  }
  const px = {} as Record<AplDimensionName, number>;
  for (const [name, value] of Object.entries(dims) as [AplDimensionName, AplDimension][]) {
    px[name] = toPixels(value, device);
  }
  return {
    px,
    captionTextAlign: strings.captionTextAlign ?? 'start',
    badgeAlign: strings.badgeAlign ?? 'end',
  };
}

function toPixels(value: AplDimension, device: PreviewDevice): number {
  if (typeof value === 'number') return (value * device.dpi) / 160;
  const share = Number.parseFloat(value) / 100;
  return value.endsWith('vw') ? share * device.width : share * device.height;
}
