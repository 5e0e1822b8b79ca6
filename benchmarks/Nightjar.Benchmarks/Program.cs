using BenchmarkDotNet.Running;

// Run all or some: dotnet run -c Release --project benchmarks/Nightjar.Benchmarks -- --filter '*Mailbox*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
