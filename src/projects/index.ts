/** Projects: projects, project members and roles, the conversation history, project events. */
export * from './project-schemas.ts';
export { createProject, listProjects, getProject, updateProject, deleteProject, toProjectView, type ProjectDeps, type ListProjectsOptions } from './projects.ts';
export { loadProject, requireProjectRole, type ProjectRow } from './project-access.ts';
export { listProjectMembers, addProjectMember, changeProjectMemberRole, removeProjectMember } from './project-members.ts';
export {
  postMessage, listMessages, insertAgentMessage, messageForTurn, replyTo, noAgentNotice, replyingNotice, type AfterMessageInsert, type ListMessagesOptions,
} from './messages.ts';
export { publishProjectEvent } from './project-events.ts';
