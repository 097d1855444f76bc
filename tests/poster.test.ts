/** The poster kit: the deep link a school prints, its QR code as a PNG and an A4 poster as SVG, made offline. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, inflateSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { qrMatrix, qrPng, runPosterCli } from "../src/cli/poster.js";
import { parseDeepLink } from "../src/deep-link.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(argv: string[], env: Record<string, string> = {}) {
  const out = mkdtempSync(join(tmpdir(), "senim-poster-"));
  dirs.push(out);
  let stdout = "";
  let stderr = "";
  const code = runPosterCli([...argv, "--out", out], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr, out };
}

/** The greyscale pixels of a PNG written by qrPng. */
function pixels(png: Buffer): { size: number; at: (x: number, y: number) => number } {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const size = png.readUInt32BE(16);
  const idat = png.indexOf("IDAT");
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  return { size, at: (x, y) => raw[y * (size + 1) + 1 + x]! };
}

describe("npm run poster", () => {
  it("prints the deep link with region and tag, and writes the QR code (PNG) and the poster (SVG)", () => {
    const r = run(["--region", "almaty_city", "--tag", "school-123", "--bot", "senim_help_bot"]);
    expect(r.code).toBe(0);
    const url = r.stdout.trim();
    expect(url).toBe("https://t.me/senim_help_bot?start=r-almaty_city_src-school-123");
    // /start reads back what the poster carries.
    expect(parseDeepLink(new URL(url).searchParams.get("start")!)).toEqual({ region: "almaty_city", tag: "school-123" });

    const png = readFileSync(join(r.out, "senim-almaty_city-school-123.png"));
    const matrix = qrMatrix(url);
    const { size, at } = pixels(png);
    expect(size).toBe((matrix.length + 8) * 12);
    // Every module as drawn: dark where the code is dark, white around it (the quiet zone).
    for (let y = 0; y < matrix.length; y++) for (let x = 0; x < matrix.length; x++) expect(at((x + 4) * 12 + 6, (y + 4) * 12 + 6)).toBe(matrix[y]![x] ? 0 : 255);
    expect(at(5, 5)).toBe(255);

    const svg = readFileSync(join(r.out, "senim-almaty_city-school-123.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="210mm" height="297mm"/);
    expect(svg).toContain(url);
    expect(svg).toContain("Көмек керек пе? Маған жаз.");
    expect(svg).toContain("Нужна помощь? Напиши мне.");
    for (const n of ["112", "150", "111"]) expect(svg).toContain(n);
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(matrix.flat().filter(Boolean).length);
  });

  it("a region alone, a tag alone; the bot's name from BOT_USERNAME", () => {
    expect(run(["--region", "shymkent"], { BOT_USERNAME: "senim_help_bot" }).stdout.trim()).toBe("https://t.me/senim_help_bot?start=r-shymkent");
    expect(run(["--tag", "clinic-7", "--bot", "@senim_help_bot"]).stdout.trim()).toBe("https://t.me/senim_help_bot?start=src-clinic-7");
  });

  it("refuses what no poster should carry, naming the problem", () => {
    expect(run(["--region", "atlantis", "--bot", "senim_help_bot"])).toMatchObject({ code: 2, stderr: expect.stringContaining('No region "atlantis"') });
    expect(run(["--tag", "School 1", "--bot", "senim_help_bot"])).toMatchObject({ code: 2, stderr: expect.stringContaining("tag") });
    expect(run(["--tag", "school-1"])).toMatchObject({ code: 2, stderr: expect.stringContaining("BOT_USERNAME") });
    expect(run(["--bot", "senim_help_bot"])).toMatchObject({ code: 2, stderr: expect.stringContaining("region or a tag") });
    expect(run(["--colour", "red"])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown argument") });
  });

  it("a PNG's checksum is right (a damaged file would be refused by printers' software)", () => {
    const png = qrPng(qrMatrix("https://t.me/x_bot?start=src-a"), 2, 4);
    // Each chunk ends with the CRC of its type and data.
    const ihdr = png.subarray(12, 12 + 4 + 13);
    expect(png.readUInt32BE(12 + 4 + 13)).toBe(crc32(ihdr));
  });
});

