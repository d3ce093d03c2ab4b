import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi, problem } from '../../../test/fake-api';
import { aWebhook } from '../../../test/fixtures';
import { renderConsole } from '../../../test/render-console';

async function openVariables(user: ReturnType<typeof renderConsole>['user']) {
  await user.click(screen.getByRole('button', { name: 'Variables' }));
  return screen.findByRole('region', { name: /^Variables/ });
}

function variableNames(panel: HTMLElement): string[] {
  return within(panel)
    .getAllByRole('button')
    .filter((button) => button.classList.contains('variable'))
    .map((button) => button.querySelector('code')?.textContent ?? '');
}

describe('webhook form: variables', () => {
  it('lists the catalog of the chosen element and trigger; a delete has only the element’s id', async () => {
    const { user } = renderConsole(new FakeApi(), '/webhooks/new');
    await user.selectOptions(await screen.findByLabelText('Trigger element'), 'RSVP');
    await user.selectOptions(screen.getByLabelText('Trigger'), 'Create');

    const panel = await openVariables(user);
    expect(await within(panel).findByRole('button', { name: /^email\b/ })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: /^event\.title\b/ })).toHaveAccessibleName(
      /^event\.title string Event title/,
    );

    await user.selectOptions(screen.getByLabelText('Trigger'), 'Delete');

    expect(await within(panel).findByText(/Variables: RSVP, Delete/)).toBeInTheDocument();
    await within(panel).findByRole('button', { name: /^delivery\.id\b/ });
    const names = variableNames(panel);
    expect(names).toContain('id');
    expect(names).not.toContain('email');
    expect(names.filter((name) => !/^(delivery|webhook)\.|^trigger$/.test(name))).toEqual(['id']);

    await user.selectOptions(screen.getByLabelText('Trigger element'), 'Group');
    expect(await within(panel).findByRole('button', { name: /^id\b/ })).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /^name\b/ })).not.toBeInTheDocument();
  });

  it('inserts {{name}} at the caret of the payload URL and gives it the focus back', async () => {
    const { user } = renderConsole(new FakeApi(), '/webhooks/new');
    const url = await screen.findByLabelText('Payload URL');
    await user.type(url, 'https://crm.example.com/contacts/?source=hookrelay');
    const caret = 'https://crm.example.com/contacts/'.length;
    (url as HTMLInputElement).setSelectionRange(caret, caret);

    const panel = await openVariables(user);
    await user.click(await within(panel).findByRole('button', { name: /^id\b/ }));

    expect(url).toHaveValue('https://crm.example.com/contacts/{{id}}?source=hookrelay');
    expect(url).toHaveFocus();
    expect((url as HTMLInputElement).selectionStart).toBe(caret + '{{id}}'.length);
  });

  it('inserts into the last focused header value, not the URL', async () => {
    const { user } = renderConsole(new FakeApi(), '/webhooks/new');
    await user.type(await screen.findByLabelText('Payload URL'), 'https://crm.example.com/contacts');
    const headers = screen.getByRole('group', { name: 'Headers' });
    await user.click(within(headers).getByRole('button', { name: 'Add' }));
    await user.type(within(headers).getByRole('textbox', { name: 'Key' }), 'X-Contact');
    const value = within(headers).getByRole('textbox', { name: 'Value' });
    await user.type(value, 'mail:<>');
    (value as HTMLInputElement).setSelectionRange('mail:<'.length, 'mail:<'.length);

    const panel = await openVariables(user);
    await user.click(await within(panel).findByRole('button', { name: /^email\b/ }));

    expect(value).toHaveValue('mail:<{{email}}>');
    expect(value).toHaveFocus();
    expect(screen.getByLabelText('Payload URL')).toHaveValue('https://crm.example.com/contacts');
  });

  it('inserts into the header value just edited when the keyboard passes the URL on the way to Variables', async () => {
    const { user } = renderConsole(new FakeApi(), '/webhooks/new');
    await user.type(await screen.findByLabelText('Payload URL'), 'https://crm.example.com/contacts');
    const headers = screen.getByRole('group', { name: 'Headers' });
    await user.click(within(headers).getByRole('button', { name: 'Add' }));
    await user.keyboard('X-Contact');
    await user.tab();
    const value = within(headers).getByRole('textbox', { name: 'Value' });
    expect(value).toHaveFocus();
    await user.keyboard('mail: ');

    const variables = screen.getByRole('button', { name: 'Variables' });
    for (let i = 0; i < 10 && document.activeElement !== variables; i++) await user.tab({ shift: true });
    expect(variables).toHaveFocus();
    await user.keyboard('{Enter}');
    const panel = await screen.findByRole('region', { name: /^Variables/ });
    await user.keyboard('email');
    await user.tab();
    expect(within(panel).getByRole('button', { name: /^email\b/ })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(value).toHaveValue('mail: {{email}}');
    expect(value).toHaveFocus();
    expect(screen.getByLabelText('Payload URL')).toHaveValue('https://crm.example.com/contacts');
  });
});

describe('webhook form: errors from the API', () => {
  it('shows each 400 error at its field, tied to the control', async () => {
    const api = new FakeApi({ webhooks: [] }).on('POST', '/v1/webhooks', () =>
      problem(400, {
        title: 'Bad Request',
        errors: [
          { field: 'url', message: 'unknown variable {{nope}}' },
          { field: 'headers[1].value', message: 'unclosed tag {{ email' },
          { field: 'filter[0].value', message: 'must be a number like seats' },
        ],
      }),
    );
    const { user } = renderConsole(api, '/webhooks/new');
    await user.type(await screen.findByLabelText('Name'), 'CRM');
    await user.type(screen.getByLabelText('Payload URL'), 'https://crm.example.com/{{{{nope}}');
    const headers = screen.getByRole('group', { name: 'Headers' });
    await user.click(within(headers).getByRole('button', { name: 'Add' }));
    await user.click(within(headers).getByRole('button', { name: 'Add' }));
    const filter = screen.getByRole('group', { name: 'Filter' });
    await user.click(within(filter).getByRole('button', { name: 'Add' }));

    await user.click(screen.getByRole('button', { name: 'Save' }));

    const url = screen.getByLabelText('Payload URL');
    expect(await screen.findByText('3 fields need attention.')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/unknown variable \{\{nope\}\}/);

    const [firstValue, secondValue] = within(headers).getAllByRole('textbox', { name: 'Value' });
    expect(firstValue).not.toHaveAttribute('aria-invalid');
    expect(secondValue).toHaveAttribute('aria-invalid', 'true');
    expect(secondValue).toHaveAccessibleDescription('unclosed tag {{ email');

    const conditionValue = within(filter).getByRole('textbox', { name: 'Value' });
    expect(conditionValue).toHaveAccessibleDescription('must be a number like seats');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });

  it('saves an edited webhook with PATCH and the rows as typed', async () => {
    const webhook = aWebhook({ headers: [{ key: 'Authorization', value: '••••abcd', secret: true }] });
    const api = new FakeApi({ webhooks: [webhook] });
    const { user } = renderConsole(api, `/webhooks/${webhook.id}`);

    const body = await screen.findByRole('group', { name: 'Body' });
    await user.click(within(body).getByRole('button', { name: 'Add' }));
    await user.type(within(body).getByRole('textbox', { name: 'Key' }), 'source');
    await user.type(within(body).getByRole('textbox', { name: 'Value' }), 'console');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const patch = api.writes().find((request) => request.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      headers: [{ key: 'Authorization', value: '••••abcd', secret: true }],
      body: [{ key: 'source', value: 'console' }],
      rate_limit: null,
    });
  });
});
