import type { Messages } from '../../i18n/en';

const ROW = /^(headers|body|filter)\[(\d+)\](?:\.(\w+))?$/;

/** How the error summary names the field of an API error path (`headers[1].value` → Headers 2 · Value). */
export function fieldLabel(path: string, m: Messages): string {
  const top: Record<string, string> = {
    name: m.form.name,
    status: m.form.status,
    trigger: m.form.trigger,
    element: m.form.element,
    method: m.form.method,
    url: m.form.url,
    headers: m.form.headers,
    body: m.form.body,
    include_element_data: m.form.includeElementData,
    filter: m.form.filter,
    rate_limit: m.form.rateLimit,
    ordering: m.form.ordering,
  };
  if (Object.hasOwn(top, path)) return top[path] as string;
  const row = ROW.exec(path);
  if (!row) return path;
  const [, group = '', index = '0', part] = row;
  const parts: Record<string, string> = {
    key: m.form.key,
    value: group === 'filter' ? m.form.filterValue : m.form.value,
    secret: m.form.secret,
    field: m.form.filterField,
    op: m.form.filterOp,
  };
  const name = `${top[group] ?? group} ${Number(index) + 1}`;
  return part ? `${name} · ${parts[part] ?? part}` : name;
}
