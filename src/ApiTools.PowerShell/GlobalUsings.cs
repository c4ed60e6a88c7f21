// The namespaces nearly every file of this project uses, once instead of at the top of each file: the system's, the
// shared kit's, and each service's client, models, requests and input readers (the cmdlets are their PowerShell face).
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using System.Threading;
global using System.Threading.Tasks;
global using ApiTools.EnDocs;
global using ApiTools.EnDocs.Input;
global using ApiTools.EnDocs.Models;
global using ApiTools.EnDocs.Requests;
global using ApiTools.Errors;
global using ApiTools.Evotor;
global using ApiTools.Evotor.Input;
global using ApiTools.Evotor.Models;
global using ApiTools.Evotor.Requests;
global using ApiTools.Http;
global using ApiTools.Input;
global using ApiTools.Paging;
global using ApiTools.PlanFix;
global using ApiTools.PlanFix.Input;
global using ApiTools.PlanFix.Models;
global using ApiTools.PlanFix.Requests;
global using ApiTools.PowerShell.Base;
global using ApiTools.PowerShell.Errors;
