import { importMembers, MEMBER_COLUMNS } from "@entraide/core/imports/members";
import type { Command } from "commander";
import type { Cli } from "../define";
import { defineImportCommand } from "./import-command";

export function registerMembers(program: Command, cli: Cli): void {
  const members = program.command("members").description("the members register");
  defineImportCommand(members, cli, {
    register: "members",
    columns: MEMBER_COLUMNS,
    importer: importMembers,
  });
}
