import type { Template } from "aws-cdk-lib/assertions";

/** A CloudFormation resource as the template holds it. */
export interface Resource {
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: template JSON is untyped; a wrong path fails the test
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

export const resources = (template: Template): Record<string, Resource> =>
  template.toJSON().Resources;

export const ofType = (template: Template, type: string): Array<[string, Resource]> =>
  Object.entries(resources(template)).filter(([, r]) => r.Type === type);

export const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Every statement of every identity policy (AWS::IAM::Policy and a role's inline policies). */
export function identityStatements(template: Template): Statement[] {
  return Object.values(resources(template)).flatMap((r) => {
    if (r.Type === "AWS::IAM::Policy") return r.Properties.PolicyDocument.Statement;
    if (r.Type === "AWS::IAM::Role")
      return (r.Properties.Policies ?? []).flatMap(
        (p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement,
      );
    return [];
  });
}

/** The statements granted to one function's role (found through the function's `Role`). */
export function functionStatements(template: Template, functionId: string): Statement[] {
  const fn = resources(template)[functionId];
  if (fn?.Type !== "AWS::Lambda::Function") throw new Error(`${functionId} is not a function`);
  const roleId = fn.Properties.Role["Fn::GetAtt"][0];
  return ofType(template, "AWS::IAM::Policy")
    .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}

/** The sorted, distinct actions a function may take. */
export const functionActions = (template: Template, functionId: string) =>
  [...new Set(functionStatements(template, functionId).flatMap(actionsOf))].sort();

/** The resources of a function's statements granting `action`, as text, for prefix checks. */
export const resourcesFor = (template: Template, functionId: string, action: string) =>
  functionStatements(template, functionId)
    .filter((s) => actionsOf(s).includes(action))
    .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
    .map((r) => JSON.stringify(r));

/** The one resource of `type` in the template; throws if there is none or several. */
export function only(template: Template, type: string): [string, Resource] {
  const found = ofType(template, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as [string, Resource];
}
