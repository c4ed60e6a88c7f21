// The namespaces nearly every file of this project uses, once instead of at the top of each file.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using System.Threading;
global using System.Threading.Tasks;
global using ApiTools.Errors;
global using ApiTools.Input;
global using ApiTools.PowerShell.Base;
global using ApiTools.PowerShell.Errors;
