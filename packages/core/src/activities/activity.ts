import * as z from "zod";
import { distinctEmails, MemberNumber, Name } from "../members/fields";

/**
 * An activity of the cooperative: its members, and the administrators who approve the requests
 * tied to it (backups take over on escalation).
 */
export const Activity = z
  .object({
    activityId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
        error: (issue) => `"${issue.input}" is not an activity id (letters, digits, . _ - only)`,
      }),
    name: Name,
    memberNumbers: z.array(MemberNumber).min(1, "must list at least one member"),
    administrators: distinctEmails().min(1, "must list at least one administrator"),
    backupAdministrators: distinctEmails(),
  })
  .superRefine((activity, ctx) => {
    for (const email of activity.backupAdministrators) {
      if (activity.administrators.includes(email)) {
        ctx.addIssue({
          code: "custom",
          path: ["backupAdministrators"],
          message: `${email} is already an administrator`,
        });
      }
    }
  });
export type Activity = z.infer<typeof Activity>;
