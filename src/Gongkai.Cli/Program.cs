using System.Text;
using Gongkai.Cli;

// No byte order mark: `gongkai … --json > x.json` must be JSON (RFC 8259 §8.1), and a pipe wants bare UTF-8.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return GongkaiCli.Run(args, Console.Out, Console.Error);
