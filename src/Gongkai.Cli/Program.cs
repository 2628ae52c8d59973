using System.Text;
using Gongkai.Cli;

Console.OutputEncoding = Encoding.UTF8;
return GongkaiCli.Run(args, Console.Out, Console.Error);
