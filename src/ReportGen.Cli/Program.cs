using System.CommandLine;
using ReportGen.Cli;

return await CommandLine.RunAsync(args, Console.Out, Console.Error);
