/**
 * The crisis model: the shipped file is small and well formed, training is deterministic,
 * a malformed file is refused with a clear error, the model can only raise a grade, and its
 * grey band gives `uncertain`.
 */
import { statSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessWith, modelInput } from "../../src/triage/index.js";
import { RISK_RANK } from "../../src/domain.js";
import { readSplit } from "../../src/triage/corpus-files.js";
import { DIM, featuresOfWords, occurrencesOfWords } from "../../src/triage/model/features.js";
import { MODEL_PATH, shippedModel } from "../../src/triage/model/load.js";
import { decodeModel, encodeModel, probabilities, scoreWindows, WINDOW, type CrisisModel } from "../../src/triage/model/model.js";
import { quantize, train } from "../../src/triage/model/train.js";

describe("the shipped model", () => {
  it("is a versioned file under 10 MB with its thresholds and the batches it was trained on", () => {
    expect(statSync(MODEL_PATH).size).toBeLessThan(10 * 1024 * 1024);
    const { header } = shippedModel();
    expect(header.version).toMatch(/^senim-crisis-\d+$/);
    expect(header.classes[0]).toBe("none");
    expect(header.thresholds.unsure).toBeLessThan(header.thresholds.high);
    const trainedOn = header.trained.batches as string[];
    const test = new Set(readSplit("test").map((i) => i.batch));
    for (const b of trainedOn) expect(test.has(b), `trained on test batch ${b}`).toBe(false);
  });

  it("a malformed file is refused with a clear error", () => {
    expect(() => decodeModel(new Uint8Array([1, 2, 3]))).toThrow(/not a model file/);
    const { header, weights } = shippedModel();
    const cut = encodeModel(header, weights).subarray(0, 5000);
    expect(() => decodeModel(cut)).toThrow(/weights, expected/);
  });
});

describe("training", () => {
  const items = readSplit("train").slice(0, 300);
  const classes = ["none", "c:suicide_self_harm", "c:other"];
  const examples = items.map((it) => ({
    f: featuresOfWords(modelInput(it.text), 64),
    y: it.kind !== "crisis" ? 0 : it.category === "suicide_self_harm" ? 1 : 2,
    weight: 1,
  }));

  it("gives the same bytes for the same data and seed", () => {
    const a = quantize(train(examples, { classes: 3, epochs: 2, rate: 0.4, l2: 1e-6, seed: 7 }), 3);
    const b = quantize(train(examples, { classes: 3, epochs: 2, rate: 0.4, l2: 1e-6, seed: 7 }), 3);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.scales).toEqual(b.scales);
    expect(a.weights.length).toBe(DIM * classes.length);
  });
});

describe("rules and model together", () => {
  const model = shippedModel();
  const texts = readSplit("dev").map((i) => i.text);

  it("the model only raises: never a lower level than the rules alone", () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.string({ maxLength: 40 }), (text, noise) => {
        for (const t of [text, `${noise} ${text}`]) {
          expect(RISK_RANK[assessWith(model, t).level]).toBeGreaterThanOrEqual(RISK_RANK[assessWith(undefined, t).level]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("in the grey band the grade is moderate and uncertain", () => {
    // A model that is always exactly unsure about a crisis: P(crisis) between the two thresholds.
    const k = model.header.classes.length;
    const bias = model.header.classes.map((c) => (c === "c:suicide_self_harm" ? Math.log(0.4) : c === "none" ? Math.log(0.6) : -50));
    const unsure: CrisisModel = {
      header: { ...model.header, bias, scales: new Array(k).fill(0), thresholds: { high: 0.9, unsure: 0.3, concern: 2 } },
      weights: model.weights,
    };
    const r = assessWith(unsure, "сегодня обычный день");
    expect(r).toMatchObject({ level: "moderate", uncertain: true, categories: ["suicide_self_harm"] });
    // A rule's crisis stays a crisis and is not uncertain.
    expect(assessWith(unsure, "хочу умереть")).toMatchObject({ level: "emergency", uncertain: false });
    const sure: CrisisModel = { ...unsure, header: { ...unsure.header, thresholds: { high: 0.35, unsure: 0.2, concern: 2 } } };
    expect(assessWith(sure, "сегодня обычный день")).toMatchObject({ level: "high", uncertain: false });
  });

  it("a crisis rule under a film, news or essay frame needs the model's agreement", () => {
    const k = model.header.classes.length;
    const calm: CrisisModel = {
      header: { ...model.header, bias: model.header.classes.map((c) => (c === "none" ? 0 : -50)), scales: new Array(k).fill(0) },
      weights: model.weights,
    };
    expect(assessWith(calm, "в фильме герой прыгнул с моста").level).toBe("moderate");
    expect(assessWith(calm, "in the book the girl says she wants to die").level).toBe("moderate");
    expect(assessWith(calm, "я прыгну с моста").level).toBe("emergency");
  });
});

describe("window scoring", () => {
  it("sliding windows give the same probabilities as each window's own features", () => {
    const model = shippedModel();
    const long = readSplit("dev")
      .map((i) => modelInput(i.text))
      .filter((w) => w.length > WINDOW + 8)
      .slice(0, 40);
    expect(long.length).toBeGreaterThan(10);
    for (const words of long) {
      let windows = 0;
      scoreWindows(model, occurrencesOfWords(words), (start, end, p) => {
        windows++;
        const direct = probabilities(model, featuresOfWords(words, model.header.minNorm, start, end));
        for (let c = 0; c < p.length; c++) expect(p[c]).toBeCloseTo(direct[c] as number, 12);
      });
      expect(windows).toBeGreaterThan(1);
    }
  });
});
