import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { unwrap } from '../../api/problem';
import type { ElementType, Trigger, Variable } from '../../api/types';

/** The variable catalog of an element and trigger (with a target's `settings.*`). */
export function useVariables({
  element,
  trigger,
  target,
}: {
  element: ElementType;
  trigger: Trigger;
  target?: string | undefined;
}) {
  const api = useApi();
  return useQuery({
    queryKey: ['variables', element, trigger, target ?? null],
    queryFn: async () => {
      const query = { element, trigger, ...(target ? { target } : {}) };
      const answer = await unwrap(api.GET('/v1/variables', { params: { query } }));
      return answer.variables;
    },
    staleTime: Infinity,
  });
}

const META = /^(delivery|webhook|settings)(\.|$)|^(trigger|element)$/;

/** Filters compare fields of the change, not the meta variables of a delivery. */
export function filterFields(variables: readonly Variable[]): Variable[] {
  return variables.filter((variable) => !META.test(variable.name));
}
