// The window's access to the Rust commands. The command functions and their argument and
// result types are generated from the Rust source (./ipc/commands.ts, crates/ipc-gen), so a
// renamed command or parameter fails the type check here; this file keeps the call shape
// the screens use.
import type { AcceptInvitationRequest } from "./bindings/AcceptInvitationRequest";
import type { AuditFilter } from "./bindings/AuditFilter";
import type { ActivityInput } from "./bindings/ActivityInput";
import type { ActivityQuery } from "./bindings/ActivityQuery";
import type { AppSettings } from "./bindings/AppSettings";
import type { AreaField } from "./bindings/AreaField";
import type { AreaInput } from "./bindings/AreaInput";
import type { AssignRequest } from "./bindings/AssignRequest";
import type { CourseInput } from "./bindings/CourseInput";
import type { InviteRequest } from "./bindings/InviteRequest";
import type { BackupModule } from "./bindings/BackupModule";
import type { CompanyField } from "./bindings/CompanyField";
import type { CompanyInput } from "./bindings/CompanyInput";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { MassChange } from "./bindings/MassChange";
import type { MasterField } from "./bindings/MasterField";
import type { MasterItemInput } from "./bindings/MasterItemInput";
import type { MasterKind } from "./bindings/MasterKind";
import type { NewUser } from "./bindings/NewUser";
import type { ObjectType } from "./bindings/ObjectType";
import type { PasswordChangeRequest } from "./bindings/PasswordChangeRequest";
import type { Right } from "./bindings/Right";
import type { RoleDefinition } from "./bindings/RoleDefinition";
import type { SessionInfo } from "./bindings/SessionInfo";
import type { SetupRequest } from "./bindings/SetupRequest";
import type { SignInRequest } from "./bindings/SignInRequest";
import type { TenantField } from "./bindings/TenantField";
import type { ReviewInput } from "./bindings/ReviewInput";
import type { CheckInput } from "./bindings/CheckInput";
import type { CopyRequest } from "./bindings/CopyRequest";
import type { DpiaInput } from "./bindings/DpiaInput";
import type { MustEntry } from "./bindings/MustEntry";
import type { ReportRequest } from "./bindings/ReportRequest";
import type { ImprintForm } from "./bindings/ImprintForm";
import type { PrivacyAnswers } from "./bindings/PrivacyAnswers";
import type { RiskMatrix } from "./bindings/RiskMatrix";
import type { Channel } from "@tauri-apps/api/core";
import type { Validation } from "./bindings/Validation";
import type { TomCopyTarget } from "./bindings/TomCopyTarget";
import type { TomField } from "./bindings/TomField";
import type { TomFilter } from "./bindings/TomFilter";
import type { TomInput } from "./bindings/TomInput";
import type { UserAccess } from "./bindings/UserAccess";
import type { AgreementInput } from "./bindings/AgreementInput";
import type { BreachField } from "./bindings/BreachField";
import type { BreachInput } from "./bindings/BreachInput";
import type { RequestField } from "./bindings/RequestField";
import type { RequestInput } from "./bindings/RequestInput";
import type { DocumentInput } from "./bindings/DocumentInput";
import * as ipc from "./ipc/commands";
import type { AddProgress } from "./ipc/commands";
import type { PageMark, ReminderTexts } from "./ipc/commands";

export { CommandError } from "./ipc/call";
export type { ReminderTexts };

/** Whether the session holds the right (administrators hold all). The core decides; the
 * window only uses this to hide what would be refused. */
export function can(session: SessionInfo, object: ObjectType, right: Right): boolean {
  return session.is_admin || session.grants.some((g) => g.object === object && g.right === right);
}

export const api = {
  startupState: ipc.startupState,
  createInstallation: (request: SetupRequest) => ipc.createInstallation({ request }),
  restoreInstallation: (recoveryKey: string, title: string) => ipc.restoreInstallation({ recoveryKey, title }),
  unlockWithRecoveryKey: (recoveryKey: string) => ipc.unlockWithRecoveryKey({ recoveryKey }),
  signIn: (request: SignInRequest) => ipc.signIn({ request }),
  acceptInvitation: (request: AcceptInvitationRequest) => ipc.acceptInvitation({ request }),
  signOut: ipc.signOut,
  touchSession: ipc.touchSession,
  sessionInfo: ipc.sessionInfo,
  refreshSession: ipc.refreshSession,
  changePassword: (request: PasswordChangeRequest) => ipc.changePassword({ request }),
  setLanguage: (language: string) => ipc.setLanguage({ language }),
  dashboard: ipc.dashboard,
  settings: ipc.settings,
  updateSettings: (settings: AppSettings) => ipc.updateSettings({ settings }),
  auditLog: (limit: number, beforeId: number | null) => ipc.auditLog({ limit, beforeId }),
  auditLines: (filter: AuditFilter, limit: number, beforeId: number | null) =>
    ipc.auditLines({ filter, limit, beforeId }),
  auditChoices: () => ipc.auditChoices(),
  exportAuditLog: (filter: AuditFilter, format: ExportFormat, title: string) =>
    ipc.exportAuditLog({ filter, format, title }),
  uiReady: (pageMs: number, marks: PageMark[]) => ipc.uiReady({ pageMs, marks }),
  setUnsaved: (value: boolean) => ipc.setUnsaved({ value }),
  closeWindow: ipc.closeWindow,
  setCurrentTenant: (tenantId: number) => ipc.setCurrentTenant({ tenantId }),
  tenantOverview: (tenantId: number) => ipc.tenantOverview({ tenantId }),
  companies: (tenantId: number) => ipc.companies({ tenantId }),
  createCompany: (tenantId: number, company: CompanyInput) => ipc.createCompany({ tenantId, company }),
  updateCompany: (id: number, company: CompanyInput) => ipc.updateCompany({ id, company }),
  areas: (tenantId: number) => ipc.areas({ tenantId }),
  createArea: (area: AreaInput) => ipc.createArea({ area }),
  activities: (tenantId: number, search: string | null) => ipc.activities({ tenantId, search }),
  activityWindow: (tenantId: number, query: ActivityQuery, offset: number, limit: number) =>
    ipc.activityWindow({ tenantId, query, offset, limit }),
  activityIds: (tenantId: number, query: ActivityQuery) => ipc.activityIds({ tenantId, query }),
  attachments: (activityId: number) => ipc.attachments({ activityId }),
  addAttachment: (activityId: number, title: string) => ipc.addAttachment({ activityId, title }),
  saveAttachment: (id: number, title: string) => ipc.saveAttachment({ id, title }),
  removeAttachment: (id: number) => ipc.removeAttachment({ id }),
  deleteActivities: (ids: number[]) => ipc.deleteActivities({ ids }),
  copyActivities: (ids: number[], suffix: string) => ipc.copyActivities({ ids, suffix }),
  massChangeActivities: (change: MassChange) => ipc.massChangeActivities({ change }),
  exportActivities: (
    tenantId: number,
    search: string | null,
    ids: number[] | null,
    format: ExportFormat,
    title: string,
  ) => ipc.exportActivities({ tenantId, search, ids, format, title }),
  masterItems: (tenantId: number, kind: MasterKind) => ipc.masterItems({ tenantId, kind }),
  createMasterItem: (tenantId: number, item: MasterItemInput) => ipc.createMasterItem({ tenantId, item }),
  updateMasterItem: (id: number, item: MasterItemInput) => ipc.updateMasterItem({ id, item }),
  deleteMasterItems: (kind: MasterKind, ids: number[]) => ipc.deleteMasterItems({ kind, ids }),
  copyMasterItems: (kind: MasterKind, ids: number[], suffix: string) => ipc.copyMasterItems({ kind, ids, suffix }),
  massChangeMasterItems: (kind: MasterKind, ids: number[], field: MasterField) =>
    ipc.massChangeMasterItems({ kind, ids, field }),
  masterItemUsages: (kind: MasterKind, id: number) => ipc.masterItemUsages({ kind, id }),
  exportMasterItems: (tenantId: number, kind: MasterKind, format: ExportFormat, title: string) =>
    ipc.exportMasterItems({ tenantId, kind, format, title }),
  search: (tenantId: number, text: string) => ipc.search({ tenantId, text }),
  trash: ipc.trash,
  restoreFromTrash: (id: number) => ipc.restoreFromTrash({ id }),
  deleteCompanies: (ids: number[]) => ipc.deleteCompanies({ ids }),
  copyCompanies: (ids: number[], suffix: string) => ipc.copyCompanies({ ids, suffix }),
  massChangeCompanies: (ids: number[], field: CompanyField) => ipc.massChangeCompanies({ ids, field }),
  exportCompanies: (tenantId: number, format: ExportFormat, title: string) =>
    ipc.exportCompanies({ tenantId, format, title }),
  deleteAreas: (ids: number[]) => ipc.deleteAreas({ ids }),
  updateArea: (id: number, area: AreaInput) => ipc.updateArea({ id, area }),
  copyAreas: (ids: number[], suffix: string) => ipc.copyAreas({ ids, suffix }),
  massChangeAreas: (ids: number[], field: AreaField) => ipc.massChangeAreas({ ids, field }),
  exportAreas: (tenantId: number, format: ExportFormat, title: string) => ipc.exportAreas({ tenantId, format, title }),
  backups: ipc.backups,
  createBackup: ipc.createBackup,
  downloadBackup: (id: number, title: string) => ipc.downloadBackup({ id, title }),
  deleteBackup: (id: number) => ipc.deleteBackup({ id }),
  verifyBackup: (id: number) => ipc.verifyBackup({ id }),
  restoreBackup: (module: BackupModule | null, title: string) => ipc.restoreBackup({ module, title }),
  backupCsv: (module: BackupModule, fileTitle: string, folderTitle: string) =>
    ipc.backupCsv({ module, fileTitle, folderTitle }),
  browseBackup: (title: string) => ipc.browseBackup({ title }),
  automaticBackup: ipc.automaticBackup,
  chooseAutomaticBackupFolder: (title: string) => ipc.chooseAutomaticBackupFolder({ title }),
  stopAutomaticBackup: ipc.stopAutomaticBackup,
  backupReminder: (texts: ReminderTexts) => ipc.backupReminder({ texts }),
  tenantSummaries: ipc.tenantSummaries,
  massChangeTenants: (ids: number[], field: TenantField) => ipc.massChangeTenants({ ids, field }),
  exportTenantList: (format: ExportFormat, title: string) => ipc.exportTenantList({ format, title }),
  updateTenant: (id: number, name: string, isTemplate: boolean) => ipc.updateTenant({ id, name, isTemplate }),
  setTenantArchived: (id: number, archived: boolean) => ipc.setTenantArchived({ id, archived }),
  deleteTenant: (id: number) => ipc.deleteTenant({ id }),
  exportTenant: (id: number, title: string) => ipc.exportTenant({ id, title }),
  importTenant: (title: string) => ipc.importTenant({ title }),
  activity: (id: number) => ipc.activity({ id }),
  editors: (tenantId: number) => ipc.editors({ tenantId }),
  createActivity: (activity: ActivityInput) => ipc.createActivity({ activity }),
  updateActivity: (id: number, activity: ActivityInput) => ipc.updateActivity({ id, activity }),
  users: ipc.users,
  createUser: (user: NewUser) => ipc.createUser({ user }),
  updateUserAccess: (name: string, access: UserAccess) => ipc.updateUserAccess({ name, access }),
  deactivateUser: (name: string) => ipc.deactivateUser({ name }),
  roles: ipc.roles,
  roleCatalogue: ipc.roleCatalogue,
  createRole: (role: RoleDefinition) => ipc.createRole({ role }),
  updateRole: (id: number, role: RoleDefinition) => ipc.updateRole({ id, role }),
  createTenant: (name: string, isTemplate: boolean) => ipc.createTenant({ name, isTemplate }),
  toms: (tenantId: number, filter: TomFilter) => ipc.toms({ tenantId, filter }),
  recordHistory: (object: ObjectType, id: number) => ipc.recordHistory({ object, id }),
  restoreVersion: (object: ObjectType, id: number, version: number) => ipc.restoreVersion({ object, id, version }),
  tom: (id: number) => ipc.tom({ id }),
  createTom: (tom: TomInput) => ipc.createTom({ tom }),
  updateTom: (id: number, tom: TomInput) => ipc.updateTom({ id, tom }),
  reviewTom: (id: number, review: ReviewInput) => ipc.reviewTom({ id, review }),
  linkTomActivities: (id: number, activityIds: number[]) => ipc.linkTomActivities({ id, activityIds }),
  deleteToms: (ids: number[], withLinks: boolean) => ipc.deleteToms({ ids, withLinks }),
  copyToms: (ids: number[], suffix: string) => ipc.copyToms({ ids, suffix }),
  copyTomsToTenant: (ids: number[], target: TomCopyTarget) => ipc.copyTomsToTenant({ ids, target }),
  massChangeToms: (ids: number[], field: TomField) => ipc.massChangeToms({ ids, field }),
  exportToms: (tenantId: number, format: ExportFormat, title: string) => ipc.exportToms({ tenantId, format, title }),
  dueTomReviews: (limit: number) => ipc.dueTomReviews({ limit }),
  requests: (tenantId: number) => ipc.requests({ tenantId }),
  request: (id: number) => ipc.request({ id }),
  createRequest: (request: RequestInput) => ipc.createRequest({ request }),
  updateRequest: (id: number, request: RequestInput) => ipc.updateRequest({ id, request }),
  massChangeRequests: (ids: number[], field: RequestField) => ipc.massChangeRequests({ ids, field }),
  deleteRequests: (ids: number[]) => ipc.deleteRequests({ ids }),
  exportRequests: (tenantId: number, format: ExportFormat, title: string) =>
    ipc.exportRequests({ tenantId, format, title }),
  breaches: (tenantId: number) => ipc.breaches({ tenantId }),
  breach: (id: number) => ipc.breach({ id }),
  createBreach: (breach: BreachInput) => ipc.createBreach({ breach }),
  updateBreach: (id: number, breach: BreachInput) => ipc.updateBreach({ id, breach }),
  massChangeBreaches: (ids: number[], field: BreachField) => ipc.massChangeBreaches({ ids, field }),
  deleteBreaches: (ids: number[]) => ipc.deleteBreaches({ ids }),
  exportBreaches: (tenantId: number, format: ExportFormat, title: string) =>
    ipc.exportBreaches({ tenantId, format, title }),
  processorAgreements: (tenantId: number) => ipc.processorAgreements({ tenantId }),
  documents: (tenantId: number, folderId: number | null, text: string | null) =>
    ipc.documents({ tenantId, folderId, text }),
  document: (id: number) => ipc.document({ id }),
  addDocuments: (tenantId: number, folderId: number | null, title: string, onProgress: Channel<AddProgress>) =>
    ipc.addDocuments({ tenantId, folderId, title, onProgress }),
  addDroppedDocuments: (tenantId: number, folderId: number | null, paths: string[], onProgress: Channel<AddProgress>) =>
    ipc.addDroppedDocuments({ tenantId, folderId, paths, onProgress }),
  addDocumentVersion: (id: number, title: string) => ipc.addDocumentVersion({ id, title }),
  updateDocument: (id: number, document: DocumentInput) => ipc.updateDocument({ id, document }),
  restoreDocumentVersion: (id: number, version: number) => ipc.restoreDocumentVersion({ id, version }),
  deleteDocuments: (ids: number[]) => ipc.deleteDocuments({ ids }),
  linkDocument: (documentId: number, object: ObjectType, recordId: number, linked: boolean) =>
    ipc.linkDocument({ documentId, object, recordId, linked }),
  documentsOf: (object: ObjectType, recordId: number) => ipc.documentsOf({ object, recordId }),
  createDocumentFolder: (tenantId: number, parentId: number | null, name: string) =>
    ipc.createDocumentFolder({ tenantId, parentId, name }),
  renameDocumentFolder: (id: number, name: string) => ipc.renameDocumentFolder({ id, name }),
  moveDocumentFolder: (id: number, parentId: number | null) => ipc.moveDocumentFolder({ id, parentId }),
  deleteDocumentFolder: (id: number) => ipc.deleteDocumentFolder({ id }),
  setDocumentQuota: (tenantId: number, quota: number | null) => ipc.setDocumentQuota({ tenantId, quota }),
  documentPreview: (id: number, version: number | null) => ipc.documentPreview({ id, version }),
  saveDocumentCopy: (id: number, version: number | null, title: string) => ipc.saveDocumentCopy({ id, version, title }),
  openDocument: (id: number, version: number | null) => ipc.openDocument({ id, version }),
  processorAgreement: (id: number) => ipc.processorAgreement({ id }),
  createProcessorAgreement: (agreement: AgreementInput) => ipc.createProcessorAgreement({ agreement }),
  updateProcessorAgreement: (id: number, agreement: AgreementInput) => ipc.updateProcessorAgreement({ id, agreement }),
  deleteProcessorAgreements: (ids: number[]) => ipc.deleteProcessorAgreements({ ids }),
  exportProcessorAgreements: (tenantId: number, format: ExportFormat, title: string) =>
    ipc.exportProcessorAgreements({ tenantId, format, title }),
  recordAttachments: (object: ObjectType, recordId: number) => ipc.recordAttachments({ object, recordId }),
  addRecordAttachment: (object: ObjectType, recordId: number, title: string) =>
    ipc.addRecordAttachment({ object, recordId, title }),
  saveRecordAttachment: (object: ObjectType, id: number, title: string) =>
    ipc.saveRecordAttachment({ object, id, title }),
  removeRecordAttachment: (object: ObjectType, id: number) => ipc.removeRecordAttachment({ object, id }),
  deadlines: (tenantId: number | null) => ipc.deadlines({ tenantId }),
  nextDeadlines: (tenantId: number | null, first: number) => ipc.nextDeadlines({ tenantId, first }),
  deadlineAlerts: () => ipc.deadlineAlerts(),
  dpiaCheckForm: (activityId: number) => ipc.dpiaCheckForm({ activityId }),
  checkDpia: (activityId: number, input: CheckInput) => ipc.checkDpia({ activityId, input }),
  dpias: (tenantId: number) => ipc.dpias({ tenantId }),
  dpia: (id: number) => ipc.dpia({ id }),
  startDpia: (activityId: number) => ipc.startDpia({ activityId }),
  updateDpia: (id: number, dpia: DpiaInput) => ipc.updateDpia({ id, dpia }),
  validateDpia: (id: number, validation: Validation) => ipc.validateDpia({ id, validation }),
  newDpiaVersion: (id: number) => ipc.newDpiaVersion({ id }),
  deleteDpias: (ids: number[]) => ipc.deleteDpias({ ids }),
  exportDpias: (tenantId: number, format: ExportFormat, title: string) => ipc.exportDpias({ tenantId, format, title }),
  importCnil: (activityId: number, title: string) => ipc.importCnil({ activityId, title }),
  exportCnil: (id: number, title: string) => ipc.exportCnil({ id, title }),
  saveMustEntry: (entry: MustEntry) => ipc.saveMustEntry({ entry }),
  removeMustEntry: (number: number) => ipc.removeMustEntry({ number }),
  riskMatrix: ipc.riskMatrix,
  updateRiskMatrix: (matrix: RiskMatrix) => ipc.updateRiskMatrix({ matrix }),
  dpiaOverview: ipc.dpiaOverview,
  courses: (tenantId: number) => ipc.courses({ tenantId }),
  course: (id: number) => ipc.course({ id }),
  createCourse: (course: CourseInput) => ipc.createCourse({ course }),
  addShippedCourse: (tenantId: number, language: string) => ipc.addShippedCourse({ tenantId, language }),
  updateCourse: (id: number, course: CourseInput) => ipc.updateCourse({ id, course }),
  deleteCourses: (ids: number[]) => ipc.deleteCourses({ ids }),
  addCourseImage: (courseId: number, title: string) => ipc.addCourseImage({ courseId, title }),
  courseImage: (id: number) => ipc.courseImage({ id }),
  exportCourses: (tenantId: number, format: ExportFormat, title: string) =>
    ipc.exportCourses({ tenantId, format, title }),
  courseLearners: (courseId: number) => ipc.courseLearners({ courseId }),
  assignCourse: (request: AssignRequest) => ipc.assignCourse({ request }),
  unassignCourse: (assignmentId: number) => ipc.unassignCourse({ assignmentId }),
  inviteLearner: (invitation: InviteRequest) => ipc.inviteLearner({ invitation }),
  courseStatistics: (courseId: number) => ipc.courseStatistics({ courseId }),
  courseResultsOfTenant: (tenantId: number) => ipc.courseResultsOfTenant({ tenantId }),
  exportCourseResults: (tenantId: number, courseId: number | null, format: ExportFormat, title: string) =>
    ipc.exportCourseResults({ tenantId, courseId, format, title }),
  verifyCertificate: (code: string) => ipc.verifyCertificate({ code }),
  myCourses: ipc.myCourses,
  openCourse: (assignmentId: number) => ipc.openCourse({ assignmentId }),
  startCourse: (assignmentId: number) => ipc.startCourse({ assignmentId }),
  setCourseStep: (attemptId: number, step: number) => ipc.setCourseStep({ attemptId, step }),
  answerQuestion: (attemptId: number, questionId: number, chosen: number[]) =>
    ipc.answerQuestion({ attemptId, questionId, chosen }),
  finishAttempt: (attemptId: number) => ipc.finishAttempt({ attemptId }),
  openLink: (url: string) => ipc.openLink({ url }),
  makeReport: (request: ReportRequest, title: string, onProgress: Channel<number>) =>
    ipc.makeReport({ request, title, onProgress }),
  makeReportFromBackup: (file: string, request: ReportRequest, title: string, onProgress: Channel<number>) =>
    ipc.makeReportFromBackup({ file, request, title, onProgress }),
  cancelReport: ipc.cancelReport,
  imprint: (companyId: number) => ipc.imprint({ companyId }),
  generateImprint: (companyId: number, form: ImprintForm, language: string) =>
    ipc.generateImprint({ companyId, form, language }),
  saveImprint: (companyId: number, form: ImprintForm, text: string, language: string) =>
    ipc.saveImprint({ companyId, form, text, language }),
  privacyPolicy: (companyId: number, language: string) => ipc.privacyPolicy({ companyId, language }),
  generatePrivacyPolicy: (companyId: number, answers: PrivacyAnswers, language: string) =>
    ipc.generatePrivacyPolicy({ companyId, answers, language }),
  savePrivacyPolicy: (companyId: number, answers: PrivacyAnswers, text: string, language: string) =>
    ipc.savePrivacyPolicy({ companyId, answers, text, language }),
  renderWebsiteText: (text: string) => ipc.renderWebsiteText({ text }),
  saveRecoverySheet: (password: string, title: string, onProgress: Channel<number>) =>
    ipc.saveRecoverySheet({ password, title, onProgress }),
  copyTenant: (id: number, name: string | null) => ipc.copyTenant({ id, name }),
  createTenantFromTemplate: (templateId: number, name: string) => ipc.createTenantFromTemplate({ templateId, name }),
  copyToTenants: (request: CopyRequest) => ipc.copyToTenants({ request }),
};
