using Nightjar.Server.Cli;

return await NightjarCli.RunAsync(args);
