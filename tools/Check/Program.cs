using GoSync.Tools.Check;

return CheckCommand.Run(args, Console.Out, Console.Error);
