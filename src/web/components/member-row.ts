/** A member of a workspace or a project, as the members endpoints return it. */
export interface MemberRow<R extends string> {
  userId: string;
  email: string;
  name: string;
  role: R;
}
