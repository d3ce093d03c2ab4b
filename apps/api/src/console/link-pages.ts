/** The pages a browser gets for a sign-in link that can't be used: plain HTML, no script, no style. */
export function linkProblemPage(outcome: 'gone' | 'unknown'): { status: number; html: string } {
  const [status, title, english, german] =
    outcome === 'gone'
      ? ([
          410,
          'Sign-in link expired',
          'This sign-in link has expired or was already used.',
          'Dieser Anmeldelink ist abgelaufen oder wurde bereits verwendet.',
        ] as const)
      : ([
          404,
          'Sign-in link not found',
          'This sign-in link does not exist.',
          'Diesen Anmeldelink gibt es nicht.',
        ] as const);
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
<p>${english} Open the console again from your dashboard, or <a href="/">sign in with an API key</a>.</p>
<p lang="de">${german} Öffne die Konsole erneut aus deinem Dashboard oder <a href="/?lang=de">melde dich mit einem API-Schlüssel an</a>.</p>
</main>
</body>
</html>
`;
  return { status, html };
}
