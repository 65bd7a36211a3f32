import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCents } from "../../packages/core/src/money/cents";
import { CorruptBatchError } from "../../packages/core/src/payouts/batch-check";
import type { Payout } from "../../packages/core/src/payouts/payout";
import { isSepaText } from "../../packages/core/src/payouts/sepa-text";
import { batchOf, payout } from "./support/payouts";
import { Collector, exportSepa, texts, validateAgainstXsd } from "./support/sepa";

const HOSTILE_NAMES = [
  "Zoë Lefèvre-Dubœuf",
  "Jean-François D'Hondt & Fils",
  "Ærøskøbing Straße ŁÓDŹ",
  "Γιώργος Παπαδόπουλος",
  "Сергей Иванов",
  "محمد عبد الله",
  "王小明",
  "山田 太郎 (Yamada Taro)",
  'O"Brien <script>alert(1)</script>',
  "*** ###",
  "Ünïcödé 🎉 emoji ＦＵＬＬ",
];

async function* asyncly<T>(items: Iterable<T>): AsyncIterable<T> {
  yield* items;
}

describe("SEPA pain.001.001.03 export", () => {
  it("a batch with hostile names and long remittances is valid against the schema and in the SEPA character set", async () => {
    // Prepare
    const payouts = HOSTILE_NAMES.map((beneficiaryName, n) =>
      payout(n, { beneficiaryName, bic: n % 2 === 0 ? "GEBABEBB" : undefined }),
    );
    const remittance = (p: Payout) =>
      `Aide d'urgence — loyer & énergie ${"très long ".repeat(20)}${p.requestId}`;

    // Act
    const xml = await exportSepa(payouts, { batch: batchOf(payouts), remittance });

    // Assess
    expect(await validateAgainstXsd(xml)).toEqual({ valid: true, errors: [] });
    const free = ["Nm", "Ustrd", "MsgId", "PmtInfId", "EndToEndId"].flatMap((e) => texts(xml, e));
    expect(free.filter((text) => !isSepaText(text))).toEqual([]);
    const names = texts(xml, "Nm").slice(2);
    expect(names.slice(0, 6)).toEqual([
      "Zoe Lefevre-Duboeuf",
      "Jean-Francois D'Hondt + Fils",
      "AEroskobing Strasse LODZ",
      "Giorgos Papadopoulos",
      "Sergei Ivanov",
      "ENT-00000005",
    ]);
    expect(names[7]).toBe("(Yamada Taro)");
    const remittances = texts(xml, "Ustrd");
    expect(remittances.every((r, n) => r.startsWith(`ENT-${String(n).padStart(8, "0")} `))).toBe(
      true,
    );
    expect(Math.max(...remittances.map((r) => r.length))).toBe(140);
  });

  it("a creditor agent appears only for payouts that have a BIC", async () => {
    // Prepare
    const payouts = [payout(1, { bic: "GEBABEBB" }), payout(2)];

    // Act
    const xml = await exportSepa(payouts, { batch: batchOf(payouts) });

    // Assess
    expect(texts(xml, "BIC")).toEqual(["GKCCBEBB", "GEBABEBB"]);
    expect(xml.match(/<CdtrAgt>/g)).toHaveLength(1);
  });

  it("a debtor without BIC is exported with the NOTPROVIDED agent and stays valid", async () => {
    // Prepare
    const payouts = [payout(1)];
    const debtor = { name: "Smart Coop", iban: "BE71096123456769" };

    // Act
    const xml = await exportSepa(asyncly(payouts), { batch: batchOf(payouts), debtor });

    // Assess
    expect(texts(xml, "Id")).toContain("NOTPROVIDED");
    expect(await validateAgainstXsd(xml)).toEqual({ valid: true, errors: [] });
  });

  it("a single payout gives a valid file whose header carries the batch id and totals", async () => {
    // Prepare
    const payouts = [payout(7, { amountCents: 123_456 })];

    // Act
    const xml = await exportSepa(payouts, { batch: batchOf(payouts) });

    // Assess
    expect(await validateAgainstXsd(xml)).toEqual({ valid: true, errors: [] });
    expect(texts(xml, "MsgId")).toEqual(["B-2020-04-02-SOL"]);
    expect(texts(xml, "CreDtTm")).toEqual(["2020-04-02T04:00:00Z"]);
    expect(texts(xml, "NbOfTxs")).toEqual(["1", "1"]);
    expect(texts(xml, "CtrlSum")).toEqual(["1234.56", "1234.56"]);
    expect(texts(xml, "InstdAmt")).toEqual(["1234.56"]);
    expect(texts(xml, "ReqdExctnDt")).toEqual(["2020-04-03"]);
  });

  it("a file without indentation is just as valid and holds the same values", async () => {
    // Prepare
    const payouts = [
      payout(1, { bic: "GEBABEBB" }),
      payout(2, { beneficiaryName: "Łukasz & Zoë" }),
    ];

    // Act
    const compact = await exportSepa(payouts, { batch: batchOf(payouts), prettyPrint: false });
    const pretty = await exportSepa(payouts, { batch: batchOf(payouts) });

    // Assess
    expect(compact).not.toContain("\n  ");
    expect(await validateAgainstXsd(compact)).toEqual({ valid: true, errors: [] });
    expect(compact).toBe(pretty.replace(/\n\s*/g, ""));
  });

  it("a thousand payouts give a valid file with distinct end-to-end ids", async () => {
    // Prepare
    const payouts = Array.from({ length: 1000 }, (_, n) => payout(n));

    // Act
    const xml = await exportSepa(asyncly(payouts), { batch: batchOf(payouts) });

    // Assess
    expect(await validateAgainstXsd(xml)).toEqual({ valid: true, errors: [] });
    const ids = texts(xml, "EndToEndId");
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(texts(xml, "NbOfTxs")).toEqual(["1000", "1000"]);
  });

  it("the control sum is exact to the cent for amounts whose float sum would drift", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 2_500_000 }), { minLength: 1, maxLength: 60 }),
        async (amounts) => {
          // Prepare
          const payouts = amounts.map((amountCents, n) => payout(n, { amountCents }));
          const expected = amounts.reduce((sum, cents) => sum + cents, 0);

          // Act
          const xml = await exportSepa(payouts, { batch: batchOf(payouts) });

          // Assess
          const [groupSum, paymentSum] = texts(xml, "CtrlSum").map(parseCents);
          expect(groupSum).toBe(expected);
          expect(paymentSum).toBe(expected);
          expect(texts(xml, "InstdAmt").map(parseCents)).toEqual(amounts);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("amounts such as 0.10 + 0.20 add up to 0.30 exactly", async () => {
    // Prepare
    const payouts = [payout(1, { amountCents: 10 }), payout(2, { amountCents: 20 })];

    // Act
    const xml = await exportSepa(payouts, { batch: batchOf(payouts) });

    // Assess
    expect(texts(xml, "CtrlSum")).toEqual(["0.30", "0.30"]);
  });
});

describe("SEPA export of a corrupt batch", () => {
  const payouts = [payout(1), payout(2), payout(3)];

  it.each([
    ["fewer payouts than recorded", payouts.slice(0, 2), batchOf(payouts)],
    ["more payouts than recorded", payouts, batchOf(payouts.slice(0, 2))],
    ["a total below the payouts'", payouts, { ...batchOf(payouts), totalCents: 30_005 }],
    ["a total above the payouts'", payouts, { ...batchOf(payouts), totalCents: 30_007 }],
    [
      "a payout of another batch",
      [...payouts.slice(0, 2), payout(3, { batchId: "OTHER" })],
      batchOf(payouts),
    ],
    [
      "a payout of another fund",
      [...payouts.slice(0, 2), payout(3, { fund: "relaunch" })],
      batchOf(payouts),
    ],
    [
      "a repeated reference",
      [...payouts.slice(0, 2), payout(3, { reference: "ENT-00000001" })],
      batchOf(payouts),
    ],
    [
      "an invalid IBAN",
      [...payouts.slice(0, 2), payout(3, { iban: "BE68539007547035" })],
      batchOf(payouts),
    ],
  ])("with %s throws and destroys the output", async (_, streamed, batch) => {
    // Prepare
    const out = new Collector();

    // Act
    const exporting = exportSepa(streamed, { batch }, out);

    // Assess
    await expect(exporting).rejects.toBeInstanceOf(CorruptBatchError);
    expect(out.destroyed).toBe(true);
    expect(out.writableFinished).toBe(false);
  });

  it("stops reading payouts as soon as the total is exceeded", async () => {
    // Prepare
    let read = 0;
    function* counted() {
      for (let n = 0; n < 1000; n++) {
        read++;
        yield payout(n);
      }
    }
    const batch = batchOf([payout(0), payout(1)]);

    // Act
    const exporting = exportSepa(counted(), { batch });

    // Assess
    await expect(exporting).rejects.toThrow(/exceed|more than/);
    expect(read).toBe(3);
  });
});

describe("SEPA export streaming", () => {
  it("reads payouts only as fast as a slow output consumes them", async () => {
    // Prepare
    let read = 0;
    let written = 0;
    let maxAhead = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _, done) {
        written += (chunk.toString().match(/<\/CdtTrfTxInf>/g) ?? []).length;
        setImmediate(done);
      },
    });
    const payouts = Array.from({ length: 300 }, (_, n) => payout(n));
    function* counted() {
      for (const p of payouts) {
        read++;
        maxAhead = Math.max(maxAhead, read - written);
        yield p;
      }
    }

    // Act
    await exportSepa(counted(), { batch: batchOf(payouts) }, slow);

    // Assess
    expect(written).toBe(300);
    expect(maxAhead).toBeLessThanOrEqual(3);
  });

  it("fails instead of hanging when the output breaks midway", async () => {
    // Prepare
    let chunks = 0;
    const broken = new Writable({
      highWaterMark: 256,
      write(_chunk, _, done) {
        chunks++;
        setImmediate(() => done(chunks > 20 ? new Error("disk full") : null));
      },
    });
    broken.on("error", () => {});
    const payouts = Array.from({ length: 200 }, (_, n) => payout(n));

    // Act
    const exporting = exportSepa(payouts, { batch: batchOf(payouts) }, broken);

    // Assess
    await expect(exporting).rejects.toThrow("disk full");
  });
});
