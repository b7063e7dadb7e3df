/** What a script started in the network namespace reads its plan from: all of standard input, as text. */
export function readStdin(): Promise<string> {
  return new Promise((done) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c: string) => (text += c));
    process.stdin.on('end', () => done(text));
  });
}
