/** The members register: members, their field rules, reads and upserts. */
export { distinctEmails, MemberNumber, Name } from "./fields";
export { Member } from "./member";
export { getMember, upsertMember } from "./register";
