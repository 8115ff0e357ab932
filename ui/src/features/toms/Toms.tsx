import { NoTenant } from "../../components/NoPermission";
import type { PageProps } from "../../screens/page";
import { TomList } from "./TomList";

/** TOMs (Art. 32 GDPR) of the current tenant: the grouped list, and a measure's form in its place. */
export function Toms(props: PageProps & { initialId?: number }) {
  if (props.tenantId === null) return <NoTenant />;
  return <TomList key={props.tenantId} {...props} tenantId={props.tenantId} />;
}
