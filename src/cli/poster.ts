/**
 * The poster kit: `npm run -s poster -- --region almaty_city --tag school-123 [--bot NAME] [--out DIR]`
 * prints a school's deep link (deep-link.ts: the region is pre-selected, the tag counted
 * anonymously) and writes its QR code as a PNG (to print or paste anywhere) and an A4 poster
 * as SVG: a large QR code with a short line in Kazakh and Russian, as on the 111 posters in
 * schools, and the numbers that answer at once (112, 150, 111). Everything is made here, offline.
 *
 * The bot's username: --bot, else BOT_USERNAME. Exit codes: 0 written, 2 wrong usage.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { crc32, deflateSync } from "node:zlib";
import qrcode from "qrcode-generator";
import { type DeepLink, deepLinkUrl } from "../deep-link.js";
import { readDirectorySync } from "../directory/load.js";
import { createI18n } from "../i18n.js";
import type { Lang } from "../domain.js";

export interface PosterIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

const USAGE = `Usage: npm run -s poster -- [--region CODE] [--tag TAG] [--bot USERNAME] [--out DIR]
  --region  a region code of data/regions.json (almaty_city, shymkent, …)
  --tag     the campaign: 1-32 of a-z 0-9 - (school-123); counted only from 10 users
  --bot     the bot's username without @ (default: BOT_USERNAME)
  --out     where to write the PNG and the SVG (default: posters)`;

/** The QR code's modules, row by row (true = dark); error correction M, as for print. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** A black-on-white PNG of the code, `scale` pixels a module, with the 4-module quiet zone scanners need. */
export function qrPng(matrix: readonly (readonly boolean[])[], scale = 12, margin = 4): Buffer {
  const size = (matrix.length + 2 * margin) * scale;
  const raw = Buffer.alloc((size + 1) * size, 255);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    const row = matrix[Math.floor(y / scale) - margin];
    for (let x = 0; x < size; x++) {
      if (row?.[Math.floor(x / scale) - margin]) raw[y * (size + 1) + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The dark modules as one SVG path (one unit a module), for a code drawn at any size. */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x} ${y}h1v1h-1z`)));
  return parts.join("");
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An A4 poster (mm): the line in Kazakh and Russian, the code, the link, the numbers. */
export function posterSvg(link: string, matrix: readonly (readonly boolean[])[], t: (lang: Lang, key: string) => string): string {
  const [kk, ru] = (["kk", "ru"] as const).map((lang) => (key: string) => t(lang, key)) as [(key: string) => string, (key: string) => string];
  const n = matrix.length + 8; // with the quiet zone
  const qrSize = 120;
  const text = (y: number, size: number, content: string, weight = "normal", fill = "#1a1a1a") =>
    `<text x="105" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle">${escapeXml(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" font-family="Arial, Helvetica, sans-serif">`,
    `<rect width="210" height="297" fill="#ffffff"/>`,
    `<rect width="210" height="62" fill="#0b6e99"/>`,
    text(24, 11, kk("poster-title"), "bold", "#ffffff"),
    text(44, 11, ru("poster-title"), "bold", "#ffffff"),
    `<g transform="translate(${105 - qrSize / 2} 72) scale(${qrSize / n})"><rect width="${n}" height="${n}" fill="#ffffff"/><path transform="translate(4 4)" d="${qrPath(matrix)}" fill="#000000"/></g>`,
    text(202, 5, link, "normal", "#0b6e99"),
    text(216, 5.2, kk("poster-scan")),
    text(224, 5.2, ru("poster-scan")),
    text(234, 5.2, `${kk("poster-anonymous")} ${ru("poster-anonymous")}`),
    `<rect x="12" y="240" width="186" height="52" rx="4" fill="#fdecea"/>`,
    text(250, 5.5, `${kk("poster-danger")} · ${ru("poster-danger")}`, "bold", "#b3261e"),
    ...["poster-150", "poster-111"].flatMap((key, i) => [text(259 + i * 16, 4.4, kk(key)), text(265.5 + i * 16, 4.4, ru(key))]),
    `</svg>`,
    "",
  ].join("\n");
}

interface PosterArgs {
  link: DeepLink;
  bot?: string;
  out: string;
}

function parseArgs(argv: readonly string[], env: PosterIo["env"]): PosterArgs | string {
  const link: DeepLink = {};
  let bot = env.BOT_USERNAME;
  let out = "posters";
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case "--region":
      case "--tag":
      case "--bot":
      case "--out":
        if (value === undefined || value.startsWith("--")) return `${argv[i]} needs a value`;
        if (argv[i] === "--region") link.region = value;
        else if (argv[i] === "--tag") link.tag = value;
        else if (argv[i] === "--bot") bot = value.replace(/^@/, "");
        else out = value;
        i++;
        break;
      default:
        return `unknown argument: ${argv[i]}`;
    }
  }
  return { link, bot, out };
}

export function runPosterCli(argv: readonly string[], io: PosterIo): number {
  const args = parseArgs(argv, io.env);
  if (typeof args === "string") {
    io.stderr(`${args}\n${USAGE}\n`);
    return 2;
  }
  if (!args.bot || !/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(args.bot)) {
    io.stderr(`The bot's username is needed: --bot NAME or BOT_USERNAME (as @BotFather gave it, without @).\n${USAGE}\n`);
    return 2;
  }
  const regions = readDirectorySync().directory.regions;
  if (args.link.region !== undefined && !regions.some((r) => r.code === args.link.region)) {
    io.stderr(`No region "${args.link.region}". Regions: ${regions.map((r) => r.code).join(", ")}\n`);
    return 2;
  }
  let url: string;
  try {
    url = deepLinkUrl(args.bot, args.link);
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const matrix = qrMatrix(url);
  const i18n = createI18n();
  const name = ["senim", args.link.region, args.link.tag].filter(Boolean).join("-");
  mkdirSync(args.out, { recursive: true });
  const png = join(args.out, `${name}.png`);
  const svg = join(args.out, `${name}.svg`);
  writeFileSync(png, qrPng(matrix));
  writeFileSync(svg, posterSvg(url, matrix, (lang, key) => i18n.t(lang, key)));
  io.stdout(`${url}\n`);
  io.stderr(`QR code: ${png}\nPoster (A4, SVG): ${svg}\n`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = runPosterCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
  });
}
