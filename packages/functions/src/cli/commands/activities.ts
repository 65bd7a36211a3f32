import { ACTIVITY_COLUMNS, importActivities } from "@entraide/core/imports/activities";
import type { Command } from "commander";
import type { Cli } from "../define";
import { defineImportCommand } from "./import-command";

export function registerActivities(program: Command, cli: Cli): void {
  const activities = program
    .command("activities")
    .description("activities and their administrators");
  defineImportCommand(activities, cli, {
    register: "activities (lists separated by |; members must be imported first)",
    columns: ACTIVITY_COLUMNS,
    importer: importActivities,
  });
}
