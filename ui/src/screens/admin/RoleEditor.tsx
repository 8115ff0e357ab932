import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { Grant } from "../../bindings/Grant";
import type { MenuEntry } from "../../bindings/MenuEntry";
import type { ObjectType } from "../../bindings/ObjectType";
import type { Right } from "../../bindings/Right";
import type { Role } from "../../bindings/Role";
import type { RoleCatalogue } from "../../bindings/RoleCatalogue";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { useAction } from "../../useAction";
import { Checklist } from "./Checklist";
import { formOf, REGISTER_OBJECTS, rulesOf, TOM_RESTRICTION_STATUSES, type RestrictionForm } from "./restrictions";

type Props = {
  role: Role | null;
  catalogue: RoleCatalogue;
  onError: (e: unknown) => boolean;
  onCancel: () => void;
  onSaved: () => void;
};

const key = (object: ObjectType, right: Right) => `${object}:${right}`;

/** The role editor: a rights matrix (object type × right), visibility restrictions and hidden menu entries. */
export function RoleEditor({ role, catalogue, onError, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(role?.name ?? "");
  const [grants, setGrants] = useState<Set<string>>(
    () => new Set(role?.grants.map((g) => key(g.object, g.right)) ?? []),
  );
  const [hidden, setHidden] = useState<MenuEntry[]>(role?.hidden_menus ?? []);
  const [restrictions, setRestrictions] = useState<RestrictionForm>(() => formOf(role?.visibility ?? []));
  const { busy, error, run } = useAction(onError);

  const toggle = (k: string, on: boolean) =>
    setGrants((g) => {
      const next = new Set(g);
      if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  const toggleRow = (object: ObjectType) => {
    const all = catalogue.rights.every((r) => grants.has(key(object, r)));
    catalogue.rights.forEach((r) => toggle(key(object, r), !all));
  };

  function save(e: FormEvent) {
    e.preventDefault();
    const chosen: Grant[] = [];
    for (const object of catalogue.objects)
      for (const right of catalogue.rights) if (grants.has(key(object, right))) chosen.push({ object, right });
    const definition = { name, grants: chosen, hidden_menus: hidden, visibility: rulesOf(restrictions) };
    void run(async () => {
      if (role) await api.updateRole(role.id, definition);
      else await api.createRole(definition);
      onSaved();
    });
  }

  const setR = <K extends keyof RestrictionForm>(k: K, v: RestrictionForm[K]) =>
    setRestrictions((r) => ({ ...r, [k]: v }));
  return (
    <form className="card" onSubmit={save} noValidate data-testid="role-editor">
      <h2>{role ? t("admin.roles.editTitle", { name: role.name }) : t("admin.roles.new")}</h2>
      <Field label={t("admin.roles.name")} name="role_name" value={name} onChange={(e) => setName(e.target.value)} />

      <h3 className="subhead">{t("admin.roles.rights")}</h3>
      <div className="matrix-scroller">
        <table className="rights-matrix">
          <thead>
            <tr>
              <th scope="col">{t("admin.roles.object")}</th>
              {catalogue.rights.map((r) => (
                <th key={r} scope="col">
                  {t(`rights.${r}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {catalogue.objects.map((object) => (
              <tr key={object}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    title={t("admin.roles.toggleRow")}
                    onClick={() => toggleRow(object)}
                  >
                    {t(`objects.${object}`, { count: 2 })}
                  </button>
                </th>
                {catalogue.rights.map((right) => (
                  <td key={right}>
                    <input
                      type="checkbox"
                      data-grant={key(object, right)}
                      checked={grants.has(key(object, right))}
                      aria-label={`${t(`objects.${object}`, { count: 2 })}: ${t(`rights.${right}`)}`}
                      onChange={(e) => toggle(key(object, right), e.target.checked)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="subhead">{t("admin.roles.visibility")}</h3>
      <p className="muted small">{t("admin.roles.visibilityIntro")}</p>
      <div className="form-columns">
        <fieldset className="checklist">
          <legend>{t("objects.processing_activity", { count: 2 })}</legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="restrict-own"
              checked={restrictions.ownActivities}
              onChange={(e) => setR("ownActivities", e.target.checked)}
            />{" "}
            {t("admin.roles.onlyOwn")}
          </label>
          <Field
            label={t("admin.roles.onlyAreas")}
            hint={t("admin.roles.namesHint")}
            data-testid="restrict-areas"
            value={restrictions.activityAreas}
            onChange={(e) => setR("activityAreas", e.target.value)}
          />
          <Checklist
            legend={t("admin.roles.onlyStatus")}
            name="restrict-status"
            chosen={restrictions.activityStatuses}
            onChange={(v) => setR("activityStatuses", v)}
            options={catalogue.statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </fieldset>
        <fieldset className="checklist">
          <legend>{t("objects.area", { count: 2 })}</legend>
          <Field
            label={t("admin.roles.onlyAreaNames")}
            hint={t("admin.roles.namesHint")}
            data-testid="restrict-area-names"
            value={restrictions.areaNames}
            onChange={(e) => setR("areaNames", e.target.value)}
          />
        </fieldset>
        <fieldset className="checklist">
          <legend>{t("objects.tom", { count: 2 })}</legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="restrict-own-toms"
              checked={restrictions.ownToms}
              onChange={(e) => setR("ownToms", e.target.checked)}
            />{" "}
            {t("admin.roles.onlyOwn")}
          </label>
          <Checklist
            legend={t("admin.roles.onlyStatus")}
            name="restrict-tom-status"
            chosen={restrictions.tomStatuses}
            onChange={(v) => setR("tomStatuses", v)}
            options={TOM_RESTRICTION_STATUSES.map((s) => ({ value: s, label: t(`toms.status.${s}`) }))}
          />
        </fieldset>
        <fieldset className="checklist">
          <legend>{t("objects.dpia", { count: 2 })}</legend>
          <label className="check">
            <input
              type="checkbox"
              data-testid="restrict-own-dpias"
              checked={restrictions.ownDpias}
              onChange={(e) => setR("ownDpias", e.target.checked)}
            />{" "}
            {t("admin.roles.onlyOwn")}
          </label>
        </fieldset>
        <fieldset className="checklist">
          <legend>{t("objects.document", { count: 2 })}</legend>
          <Field
            label={t("admin.roles.onlyFolders")}
            hint={t("admin.roles.foldersHint")}
            data-testid="restrict-document-folders"
            value={restrictions.documentFolders}
            onChange={(e) => setR("documentFolders", e.target.value)}
          />
        </fieldset>
        <Checklist
          legend={t("admin.roles.onlyOwnRegisters")}
          name="restrict-own-registers"
          chosen={restrictions.ownRegisters}
          onChange={(v) => setR("ownRegisters", v)}
          options={REGISTER_OBJECTS.map((o) => ({ value: o, label: t(`objects.${o}`, { count: 2 }) }))}
        />
      </div>

      <h3 className="subhead">{t("admin.roles.menus")}</h3>
      <Checklist
        legend={t("admin.roles.hideMenus")}
        name="hidden-menus"
        chosen={hidden}
        onChange={setHidden}
        options={catalogue.menus.filter((m) => m !== "account").map((m) => ({ value: m, label: t(`menu.${m}`) }))}
      />

      {error && (
        <Alert kind="error" testId="role-message">
          {error}
        </Alert>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="save-role">
          {t("common.save")}
        </button>
      </div>
    </form>
  );
}
