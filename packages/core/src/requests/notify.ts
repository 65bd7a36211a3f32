import type { Deps } from "../deps";
import { sendEmail } from "../notifications/send";
import { render, type TemplateName, type TemplateParams } from "../notifications/templates/index";
import type { Language } from "./request-types";

export interface Notice<N extends TemplateName> {
  template: N;
  to: string;
  language: Language;
  params: TemplateParams<N>;
  replyTo?: string;
}

/** Renders and sends one email; callers wrap it in `ctx.effect` so a repeated step sends once. */
export function notify<N extends TemplateName>(deps: Deps, notice: Notice<N>): Promise<string> {
  return sendEmail(deps, {
    to: notice.to,
    replyTo: notice.replyTo,
    ...render(notice.template, notice.params, notice.language),
  });
}
