using System.Text;
using Gongkai.BenchData;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return SeedBenchCommand.Run(args, Console.Out, Console.Error);
