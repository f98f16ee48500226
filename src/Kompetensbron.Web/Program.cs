// Placeholder so the solution builds on branch `data`; the web app's real Program.cs comes from branch `web`.
var app = WebApplication.CreateBuilder(args).Build();
app.Run();
