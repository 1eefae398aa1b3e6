import type { DemoScene } from './demo-plan';

/** Small deterministic PRNG (mulberry32): the same seed draws the same scene on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Canvas {
  w: number;
  h: number;
  rnd: () => number;
  /** Random number in [min, max). */
  between(min: number, max: number): number;
  /** An HSL colour with jittered hue/lightness, so two photos of one scene never look alike. */
  hsl(hue: number, saturation: number, lightness: number, jitter?: number): string;
}

/**
 * An SVG drawing that reads as the scene at a glance (sky, sea, sand and sun for a beach…), with seeded random
 * shapes so every photo differs visibly, also to perceptual hashes.
 */
export function sceneSvg(scene: DemoScene, width: number, height: number, seed: number): string {
  const rnd = seededRandom(seed);
  const between = (min: number, max: number): number => min + (max - min) * rnd();
  const canvas: Canvas = {
    w: width,
    h: height,
    rnd,
    between,
    hsl: (hue, s, l, jitter = 12) =>
      `hsl(${Math.round(hue + between(-jitter, jitter))},${s}%,${Math.round(l + between(-6, 6))}%)`,
  };
  const body = SCENES[scene](canvas);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

const SCENES: Record<DemoScene, (c: Canvas) => string> = {
  beach: (c) => {
    const horizon = c.h * c.between(0.42, 0.55);
    const shore = horizon + c.h * c.between(0.12, 0.2);
    return [
      sky(c, 'beach', c.hsl(205, 80, 62), c.hsl(195, 70, 85)),
      sun(c, c.between(0.1, 0.9) * c.w, horizon * c.between(0.2, 0.6), c.h * 0.06, '#fff6b0'),
      clouds(c, horizon * 0.7, 4),
      rect(0, horizon, c.w, shore - horizon + 2, c.hsl(200, 70, 40)),
      waves(c, horizon, shore),
      rect(0, shore, c.w, c.h - shore, c.hsl(42, 60, 72)),
      scatter(c, 12, shore, c.h, (x, y, r) => circle(x, y, r * 0.4, c.hsl(30, 40, 55))),
      umbrellas(c, shore),
    ].join('');
  },
  sunset: (c) => {
    const horizon = c.h * c.between(0.5, 0.62);
    return [
      sky(c, 'sunset', c.hsl(265, 45, 30), c.hsl(22, 90, 60)),
      sun(c, c.between(0.25, 0.75) * c.w, horizon - c.h * c.between(0.02, 0.1), c.h * 0.09, '#ffcf6b'),
      clouds(c, horizon * 0.8, 3, 'rgba(255,170,140,0.55)'),
      rect(0, horizon, c.w, c.h - horizon, c.hsl(250, 40, 22)),
      waves(c, horizon, c.h, 'rgba(255,190,120,0.35)'),
    ].join('');
  },
  mountain: (c) => {
    const base = c.h * c.between(0.62, 0.75);
    return [
      sky(c, 'mountain', c.hsl(210, 75, 55), c.hsl(200, 60, 88)),
      clouds(c, base * 0.4, 3),
      ridges(c, base, 3, true),
      rect(0, base, c.w, c.h - base, c.hsl(110, 40, 35)),
      trees(c, base, c.h, 18, c.hsl(130, 40, 20)),
    ].join('');
  },
  snow: (c) => {
    const base = c.h * c.between(0.55, 0.7);
    return [
      sky(c, 'snow', c.hsl(210, 25, 70), c.hsl(210, 20, 92)),
      ridges(c, base, 2, true),
      hills(c, base, '#f4f7fb'),
      trees(c, base, c.h, 14, c.hsl(150, 25, 22), true),
      scatter(c, 160, 0, c.h, (x, y, r) => circle(x, y, r * 0.25, 'rgba(255,255,255,0.9)')),
    ].join('');
  },
  city: (c) => {
    const ground = c.h * c.between(0.75, 0.85);
    return [
      sky(c, 'city', c.hsl(220, 50, 35), c.hsl(30, 70, 75)),
      skyline(c, ground),
      rect(0, ground, c.w, c.h - ground, c.hsl(220, 10, 25)),
    ].join('');
  },
  dog: (c) => {
    const ground = c.h * c.between(0.6, 0.7);
    return [
      sky(c, 'dog', c.hsl(200, 70, 65), c.hsl(190, 60, 88)),
      clouds(c, ground * 0.5, 3),
      rect(0, ground, c.w, c.h - ground, c.hsl(100, 50, 42)),
      dog(c, c.between(0.3, 0.7) * c.w, ground + c.h * 0.08, Math.min(c.w, c.h) * c.between(0.22, 0.3)),
    ].join('');
  },
  flowers: (c) => {
    const ground = c.h * c.between(0.3, 0.45);
    return [
      sky(c, 'flowers', c.hsl(200, 60, 70), c.hsl(60, 60, 90)),
      rect(0, ground, c.w, c.h - ground, c.hsl(110, 45, 38)),
      scatter(c, 70, ground, c.h, (x, y, r) => flower(c, x, y, r * (0.4 + (y - ground) / c.h))),
    ].join('');
  },
  forest: (c) => {
    const ground = c.h * c.between(0.75, 0.85);
    return [
      sky(c, 'forest', c.hsl(190, 40, 70), c.hsl(80, 40, 85)),
      trees(c, c.h * 0.55, ground, 26, c.hsl(140, 35, 28)),
      rect(0, ground, c.w, c.h - ground, c.hsl(30, 35, 28)),
      trees(c, ground * 0.95, c.h, 9, c.hsl(135, 45, 18)),
    ].join('');
  },
  lake: (c) => {
    const shoreline = c.h * c.between(0.5, 0.6);
    return [
      sky(c, 'lake', c.hsl(205, 70, 58), c.hsl(190, 50, 86)),
      ridges(c, shoreline, 2, true),
      trees(c, shoreline, shoreline + c.h * 0.02, 22, c.hsl(150, 40, 20)),
      rect(0, shoreline, c.w, c.h - shoreline, c.hsl(185, 55, 38)),
      scatter(c, 40, shoreline, c.h, (x, y, r) => rect(x, y, r * 6, r * 0.25, 'rgba(255,255,255,0.35)')),
    ].join('');
  },
  birthday: (c) => {
    const table = c.h * c.between(0.6, 0.7);
    return [
      rect(0, 0, c.w, c.h, c.hsl(330, 35, 80)),
      scatter(c, 9, 0, table * 0.6, (x, y, r) => balloon(c, x, y, r * 3)),
      rect(0, table, c.w, c.h - table, c.hsl(25, 45, 40)),
      cake(c, c.w * c.between(0.35, 0.65), table, Math.min(c.w, c.h) * 0.45),
    ].join('');
  },
  dinner: (c) => {
    return [
      rect(0, 0, c.w, c.h, c.hsl(35, 40, 45)),
      scatter(c, 5, c.h * 0.1, c.h * 0.9, (x, y) => plate(c, x, y, Math.min(c.w, c.h) * 0.16)),
      pizza(c, c.w * c.between(0.35, 0.65), c.h * c.between(0.4, 0.6), Math.min(c.w, c.h) * 0.25),
    ].join('');
  },
};

function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" fill="${fill}"/>`;
}

function circle(x: number, y: number, r: number, fill: string): string {
  return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(Math.max(r, 0.5))}" fill="${fill}"/>`;
}

function polygon(points: [number, number][], fill: string): string {
  return `<polygon points="${points.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ')}" fill="${fill}"/>`;
}

function r1(n: number): string {
  return n.toFixed(1);
}

function sky(c: Canvas, id: string, top: string, bottom: string): string {
  return (
    `<defs><linearGradient id="sky-${id}" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>` +
    `<rect width="${c.w}" height="${c.h}" fill="url(#sky-${id})"/>`
  );
}

function sun(c: Canvas, x: number, y: number, r: number, fill: string): string {
  return circle(x, y, r * 1.6, 'rgba(255,240,180,0.35)') + circle(x, y, r * c.between(0.8, 1.2), fill);
}

function clouds(c: Canvas, maxY: number, count: number, fill = 'rgba(255,255,255,0.85)'): string {
  return scatter(c, count, maxY * 0.1, maxY, (x, y) => {
    const r = c.h * c.between(0.03, 0.06);
    return [0, 1, 2, 3].map((i) => circle(x + i * r * 0.9, y + (i % 2) * r * 0.3, r, fill)).join('');
  });
}

function waves(c: Canvas, top: number, bottom: number, fill = 'rgba(255,255,255,0.5)'): string {
  return scatter(c, 30, top, bottom, (x, y) => rect(x, y, c.w * c.between(0.03, 0.12), 4, fill));
}

function umbrellas(c: Canvas, shore: number): string {
  return scatter(c, 3, shore + c.h * 0.05, c.h * 0.9, (x, y) => {
    const r = c.h * 0.08;
    return (
      rect(x - 3, y - r, 6, r * 1.5, '#5b4636') +
      `<path d="M ${r1(x - r)} ${r1(y - r)} A ${r1(r)} ${r1(r * 0.6)} 0 0 1 ${r1(x + r)} ${r1(y - r)} Z" fill="${c.hsl(c.between(0, 360), 75, 55, 0)}"/>`
    );
  });
}

function ridges(c: Canvas, base: number, layers: number, snowCaps: boolean): string {
  const shapes: string[] = [];
  for (let layer = 0; layer < layers; layer += 1) {
    const peaks = 2 + Math.floor(c.rnd() * 3);
    const height = c.h * c.between(0.25, 0.45) * (1 - layer * 0.2);
    for (let i = 0; i < peaks; i += 1) {
      const x = c.w * c.between(-0.1, 1.1);
      const half = c.w * c.between(0.18, 0.35);
      const top = base - height * c.between(0.7, 1);
      shapes.push(
        polygon(
          [
            [x - half, base],
            [x, top],
            [x + half, base],
          ],
          c.hsl(220, 15, 35 + layer * 12),
        ),
      );
      if (snowCaps) {
        const cap = 0.28;
        shapes.push(
          polygon(
            [
              [x - half * cap, top + (base - top) * cap],
              [x, top],
              [x + half * cap, top + (base - top) * cap],
            ],
            '#f5f7fa',
          ),
        );
      }
    }
  }
  return shapes.join('');
}

function hills(c: Canvas, base: number, fill: string): string {
  return `<path d="M 0 ${r1(base)} Q ${r1(c.w * c.between(0.2, 0.4))} ${r1(base - c.h * 0.1)} ${r1(c.w / 2)} ${r1(base)} T ${c.w} ${r1(base)} L ${c.w} ${c.h} L 0 ${c.h} Z" fill="${fill}"/>`;
}

function trees(c: Canvas, top: number, bottom: number, count: number, fill: string, snowy = false): string {
  return scatter(c, count, top, bottom, (x, y) => {
    const h = c.h * c.between(0.08, 0.18);
    const w = h * 0.45;
    const tree =
      rect(x - w * 0.08, y - h * 0.15, w * 0.16, h * 0.2, '#4a3323') +
      polygon(
        [
          [x - w, y - h * 0.1],
          [x, y - h],
          [x + w, y - h * 0.1],
        ],
        fill,
      );
    return snowy
      ? tree +
          polygon(
            [
              [x - w * 0.4, y - h * 0.6],
              [x, y - h],
              [x + w * 0.4, y - h * 0.6],
            ],
            '#ffffff',
          )
      : tree;
  });
}

function skyline(c: Canvas, ground: number): string {
  const shapes: string[] = [];
  let x = -c.w * 0.02;
  while (x < c.w) {
    const w = c.w * c.between(0.05, 0.11);
    const h = c.h * c.between(0.2, 0.6);
    shapes.push(rect(x, ground - h, w, h, c.hsl(220, 15, 20 + c.between(0, 15))));
    for (let wy = ground - h + 12; wy < ground - 20; wy += c.h * 0.04) {
      for (let wx = x + 8; wx < x + w - 16; wx += w / 5) {
        if (c.rnd() < 0.55) shapes.push(rect(wx, wy, w / 10, c.h * 0.015, '#ffe9a8'));
      }
    }
    x += w + c.w * c.between(0.002, 0.02);
  }
  return shapes.join('');
}

function dog(c: Canvas, x: number, y: number, size: number): string {
  const coat = c.hsl(c.between(20, 40), 45, 45, 4);
  const dark = c.hsl(25, 40, 22, 4);
  return [
    `<ellipse cx="${r1(x)}" cy="${r1(y)}" rx="${r1(size * 0.55)}" ry="${r1(size * 0.28)}" fill="${coat}"/>`,
    ...[-0.4, -0.2, 0.2, 0.4].map((dx) =>
      rect(x + dx * size, y + size * 0.1, size * 0.09, size * 0.38, coat),
    ),
    polygon(
      [
        [x - size * 0.5, y - size * 0.05],
        [x - size * 0.85, y - size * 0.35],
        [x - size * 0.55, y - size * 0.15],
      ],
      coat,
    ),
    circle(x + size * 0.55, y - size * 0.3, size * 0.24, coat),
    `<ellipse cx="${r1(x + size * 0.5)}" cy="${r1(y - size * 0.3)}" rx="${r1(size * 0.08)}" ry="${r1(size * 0.2)}" fill="${dark}"/>`,
    circle(x + size * 0.62, y - size * 0.36, size * 0.035, '#111'),
    circle(x + size * 0.78, y - size * 0.25, size * 0.05, '#111'),
  ].join('');
}

function flower(c: Canvas, x: number, y: number, r: number): string {
  const petal = c.hsl(c.between(0, 360), 80, 62, 0);
  return (
    rect(x - 2, y, 4, r * 3, '#2f6b2a') +
    [0, 72, 144, 216, 288]
      .map((deg) => {
        const rad = (deg * Math.PI) / 180;
        return circle(x + Math.cos(rad) * r, y + Math.sin(rad) * r, r * 0.75, petal);
      })
      .join('') +
    circle(x, y, r * 0.6, '#ffd23f')
  );
}

function balloon(c: Canvas, x: number, y: number, r: number): string {
  return (
    `<line x1="${r1(x)}" y1="${r1(y + r)}" x2="${r1(x + c.between(-20, 20))}" y2="${r1(y + r * 4)}" stroke="#555" stroke-width="3"/>` +
    `<ellipse cx="${r1(x)}" cy="${r1(y)}" rx="${r1(r * 0.8)}" ry="${r1(r)}" fill="${c.hsl(c.between(0, 360), 75, 58, 0)}"/>`
  );
}

function cake(c: Canvas, x: number, table: number, width: number): string {
  const layer = width * 0.22;
  const parts = [
    rect(x - width / 2, table - layer, width, layer, c.hsl(20, 60, 75)),
    rect(x - width * 0.38, table - layer * 2, width * 0.76, layer, c.hsl(340, 60, 80)),
    rect(x - width / 2, table - layer - 10, width, 14, '#fffdf5'),
  ];
  const candles = 3 + Math.floor(c.rnd() * 5);
  for (let i = 0; i < candles; i += 1) {
    const cx = x - width * 0.32 + (i * width * 0.64) / Math.max(1, candles - 1);
    parts.push(
      rect(cx - 6, table - layer * 2 - layer * 0.6, 12, layer * 0.6, c.hsl(c.between(0, 360), 70, 60, 0)),
    );
    parts.push(`<ellipse cx="${r1(cx)}" cy="${r1(table - layer * 2.75)}" rx="9" ry="18" fill="#ffb400"/>`);
  }
  return parts.join('');
}

function plate(c: Canvas, x: number, y: number, r: number): string {
  return circle(x, y, r, '#f2f2f2') + circle(x, y, r * 0.7, c.hsl(c.between(0, 60), 50, 55, 0));
}

function pizza(c: Canvas, x: number, y: number, r: number): string {
  return (
    circle(x, y, r, '#d79b4a') +
    circle(x, y, r * 0.88, '#e8c15a') +
    scatter(c, 12, y - r * 0.6, y + r * 0.6, (px, py) =>
      circle(x + ((px / c.w) * 2 - 1) * r * 0.6, py, r * 0.09, '#b3322b'),
    )
  );
}

/** `count` shapes at random positions between two heights. */
function scatter(
  c: Canvas,
  count: number,
  top: number,
  bottom: number,
  draw: (x: number, y: number, size: number) => string,
): string {
  const shapes: string[] = [];
  for (let i = 0; i < count; i += 1) {
    shapes.push(draw(c.rnd() * c.w, top + c.rnd() * (bottom - top), c.h * c.between(0.01, 0.03)));
  }
  return shapes.join('');
}
