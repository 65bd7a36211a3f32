import { upsertActivity } from "../../packages/core/src/activities/register";
import type { Deps } from "../../packages/core/src/deps";
import { setEnvelope } from "../../packages/core/src/funds/fund";
import { upsertMember } from "../../packages/core/src/members/register";
import { loadDemoData } from "../../packages/functions/src/local/demo-data";

/** A Belgian IBAN from a number: the BBAN's own check is its first 10 digits mod 97, then mod-97 on the whole. */
export function belgianIban(n: number): string {
  const account = String(1_000_000_000 + n).padStart(10, "0");
  const national = Number(BigInt(account) % 97n) || 97;
  const bban = `${account}${String(national).padStart(2, "0")}`;
  const check = 98 - Number(BigInt(`${bban}111400`) % 97n);
  return `BE${String(check).padStart(2, "0")}${bban}`;
}

export interface BenchMember {
  memberNumber: string;
  email: string;
  iban: string;
  /** Its own activity: a loan is one open loan per activity, so each loan needs one. */
  activityId: string;
}

const ADMINS = ["admin.spectacle@smart.example.org", "admin.production@smart.example.org"];

/**
 * The demo registers, plus `count` members each alone in an activity of their own: emergency
 * aid allows one grant per member per period and loans one open loan per activity, so spreading
 * those over fresh members is what lets every request pass its duplicate checks, as real ones
 * would. Envelopes are set far above what the run can reserve.
 */
export async function loadBenchRegisters(deps: Deps, count: number): Promise<BenchMember[]> {
  await loadDemoData(deps);
  for (const fund of ["solidarity", "relaunch", "initiatives"] as const)
    await setEnvelope(deps, fund, 1_000_000_000_000);
  const members: BenchMember[] = Array.from({ length: count }, (_, i) => ({
    memberNumber: `B${String(i).padStart(5, "0")}`,
    email: `bench.member.${i}@example.org`,
    iban: belgianIban(i),
    activityId: `BENCH-${i}`,
  }));
  const write = async (m: BenchMember) => {
    await upsertMember(deps, {
      memberNumber: m.memberNumber,
      firstName: "Bench",
      lastName: `Member ${m.memberNumber}`,
      email: m.email,
      language: "fr",
      country: "BE",
      iban: m.iban,
      shareholder: true,
    });
    await upsertActivity(deps, {
      activityId: m.activityId,
      name: `Activité ${m.memberNumber}`,
      memberNumbers: [m.memberNumber],
      administrators: ADMINS,
      backupAdministrators: ["backup.spectacle@smart.example.org"],
    });
  };
  for (let i = 0; i < members.length; i += 16)
    await Promise.all(members.slice(i, i + 16).map(write));
  return members;
}
