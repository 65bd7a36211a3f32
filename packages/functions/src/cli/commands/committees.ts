import {
  type CommitteeName,
  committeeNamesOf,
  setCommitteeOf,
} from "@entraide/core/committees/committee";
import { languages } from "@entraide/core/i18n/language";
import { Argument, type Command, Option } from "commander";
import { type Cli, defineCommand } from "../define";

export function registerCommittees(program: Command, cli: Cli): void {
  const committees = program
    .command("committees")
    .description("the committees that approve requests");
  defineCommand(committees, cli, {
    name: "set",
    description: "replace a committee's members (and backups, who take over on escalation)",
    configure: (command) =>
      command
        .addArgument(new Argument("<committee>", "the committee").choices(committeeNamesOf()))
        .argument(
          "<email...>",
          "the members' emails (as many as the plan's minMembers; the first chairs a vote); email:nl gives one's language",
        )
        .option("--backup <email...>", "the backups' emails (email:nl as well)")
        .addOption(
          new Option(
            "--language <language>",
            "the language the listed people read mail in, for those who give none",
          ).choices(languages),
        ),
    run: async (ctx, [committee, members], options) => {
      const { deps } = await ctx.target();
      const result = await setCommitteeOf(deps, {
        committee: committee as CommitteeName,
        members: members as string[],
        backups: (options.backup as string[] | undefined) ?? [],
        language: options.language as (typeof languages)[number] | undefined,
      });
      const { backups } = result.committee;
      if (backups.length === 0)
        ctx.output.note("no backups: escalations will have nobody to go to (add --backup)");
      return {
        data: result,
        text:
          `${committee} committee ${result.outcome}: members ${result.committee.members.join(", ")}` +
          (backups.length > 0 ? `; backups ${backups.join(", ")}` : "; no backups"),
      };
    },
  });
}
