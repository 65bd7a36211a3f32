import { parseDuration } from "@entraide/core/clock";
import type { Command } from "commander";
import { advanceClockOffset } from "../../local/clock-offset";
import { argumentParser, type Cli, defineCommand } from "../define";

export function registerClock(program: Command, cli: Cli): void {
  const clock = program.command("clock").description("the local stack's clock (local only)");
  defineCommand(clock, cli, {
    name: "advance",
    description: "move the local stack's clock forward, so due timers run as if time had passed",
    localOnly: true,
    configure: (command) =>
      command.argument(
        "<duration>",
        "how far, e.g. 90s, 15m, 2h, 7d, 1w or 1d12h",
        argumentParser(parseDuration),
      ),
    run: async (ctx, [ms], _options) => {
      const { deps } = await ctx.target();
      const offsetMs = await advanceClockOffset(deps, ms as number);
      const now = new Date(Date.now() + offsetMs).toISOString();
      return {
        data: { advancedMs: ms, offsetMs, now },
        text: `local clock advanced: it is now ${now} for the local stack (${offsetMs} ms ahead of real time)`,
      };
    },
  });
}
