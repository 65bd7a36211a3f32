import { parseEuros } from "@entraide/core/money/euros";
import { formatEuros } from "@entraide/core/requests/i18n";
import { dailyGrossCents, type PlannedDay, workDayUnits } from "@entraide/core/requests/work-days";
import { h } from "../lib/dom";
import { fieldId } from "../lib/errors";
import { planRules } from "../lib/plan-rules";
import { say } from "../lib/ui-text";
import type { WorkDayRow } from "./draft";
import type { FormContext } from "./render";

/** A typed work-day row as the cap counts it; rows not yet readable count as full days. */
function plannedDay(row: WorkDayRow): PlannedDay {
  const hours = Number(row.hours.trim().replace(",", "."));
  const cachets = Number(row.cachets.trim());
  if (row.cachets.trim() && Number.isInteger(cachets) && cachets > 0) return { cachets };
  if (row.hours.trim() && hours > 0) return { hours };
  return {};
}

/** The daily amount the check will compute, said as the member types (or nothing yet). */
export function dailyText(ctx: FormContext): string {
  const { draft, language } = ctx;
  const { dailyCapCents, workDay } = planRules();
  let gross: number;
  try {
    gross = parseEuros(draft.values.grossAmountCents ?? "", language);
  } catch {
    return "";
  }
  const days = draft.workDays.filter((row) => row.date).map(plannedDay);
  const daily = dailyGrossCents(gross, days, workDay);
  if (gross <= 0 || daily === undefined) return "";
  return say("dailyHint", language, {
    daily: formatEuros(daily, language),
    days: workDayUnits(days, workDay),
    hoursPerDay: workDay.hoursPerDay,
    cachetDays: workDay.daysPerCachet,
    cap: formatEuros(dailyCapCents, language),
  });
}

/**
 * The gross per day of work under the amount, kept current while the member types the amount or
 * the work days (the form re-renders only on structural changes, so it listens to the form).
 */
export function dailyHint(ctx: FormContext): HTMLElement {
  const live = h("p", {
    class: "hint daily",
    id: `${fieldId("grossAmountCents")}-daily`,
    "aria-live": "polite",
  });
  const update = () => {
    if (!live.isConnected && live.dataset.shown) {
      document.removeEventListener("input", update);
      return;
    }
    live.dataset.shown = "1";
    live.textContent = dailyText(ctx);
  };
  live.textContent = dailyText(ctx);
  document.addEventListener("input", update);
  return live;
}
