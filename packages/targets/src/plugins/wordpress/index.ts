import type { SettingField, TargetPlugin } from '../../contract';
import { validateSettings } from '../../settings';
import { basicAuth } from '../shared/auth';
import { baseUrl } from '../shared/url';

const SETTINGS: readonly SettingField[] = [
  { key: 'site_url', label: 'Site URL', type: 'url', required: true, example: 'https://blog.example.com' },
  { key: 'username', label: 'User name', type: 'string', required: true, example: 'editor' },
  {
    key: 'application_password',
    label: 'Application password',
    type: 'string',
    required: true,
    secret: true,
    example: 'abcd EFGH 1234 ijkl MNOP 5678',
    description: 'Users → Profile → Application Passwords (not the login password).',
  },
  {
    key: 'post_status',
    label: 'Post status',
    type: 'enum',
    required: false,
    options: ['draft', 'publish', 'pending', 'private'],
    default: 'draft',
  },
];

/** The post body: HTML, every user value escaped. */
const CONTENT = [
  '<p>{{ status | escape }} event</p>',
  '<ul>{% for date in dates %}<li>{{ date.start | escape }}{% if date.location %}, {{ date.location | escape }}{% endif %}</li>{% endfor %}</ul>',
  '{% if url %}<p><a href="{{ url | escape }}">{{ url | escape }}</a></p>{% endif %}',
].join('');

export const wordpress: TargetPlugin = {
  kind: 'wordpress',
  displayName: 'WordPress',
  category: 'cms',
  description: 'Creates a post (draft by default) for each new event through the REST API.',
  docsUrl: 'https://developer.wordpress.org/rest-api/reference/posts/#create-a-post',
  settings: SETTINGS,
  // Updating a post needs the WordPress post id, which the event does not know.
  supports: { elements: ['event'], triggers: ['create'] },
  validate: (settings) => validateSettings(SETTINGS, settings),
  prefill: ({ settings }) => ({
    method: 'POST',
    url: `${baseUrl(settings.site_url)}/wp-json/wp/v2/posts`,
    headers: [basicAuth({ userKey: 'username', passwordKey: 'application_password' })],
    body: [
      { key: 'title', value: '{{title}}' },
      { key: 'status', value: '{{settings.post_status}}' },
      { key: 'content', value: CONTENT },
    ],
    includeElementData: false,
  }),
};
